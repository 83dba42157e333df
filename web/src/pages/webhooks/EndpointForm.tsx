import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import type { WebhookEndpoint } from '../../lib/webhooks';
import { draftOf, draftProblems, type EndpointDraft } from './endpointDraft';
import { EndpointFields } from './EndpointFields';
import { fieldProblems } from './problems';

/**
 * The endpoint form inside a FormDialog, new or to edit: the draft goes to `onSubmit` once the
 * form finds nothing wrong with it. Its own problems show first, then the API's refusal.
 */
export function EndpointForm(props: {
  /** The endpoint to edit; none for a new one. */
  endpoint?: WebhookEndpoint;
  title: string;
  submit: string;
  /** The mutation that saves the draft: its refusal, and whether it is under way. */
  mutation: { error: unknown; isPending: boolean; reset: () => void };
  onSubmit: (draft: EndpointDraft) => void;
  /** What shows below the fields. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(props.endpoint));
  const [checked, setChecked] = useState(false);
  const { mutation } = props;
  const problems = checked ? draftProblems(t, draft) : new Map();
  const shown = problems.size > 0 ? problems : fieldProblems(t, mutation.error);

  const onSubmit = () => {
    setChecked(true);
    mutation.reset();
    if (draftProblems(t, draft).size > 0) return;
    props.onSubmit(draft);
  };

  return (
    <DialogForm
      title={props.title}
      onSubmit={onSubmit}
      submit={props.submit}
      cancel={t('webhooks.form.cancel')}
      pending={mutation.isPending}
    >
      <EndpointFields draft={draft} onChange={setDraft} problems={shown} />
      {props.children}
    </DialogForm>
  );
}
