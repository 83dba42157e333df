import { Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EndpointDraft } from './endpointDraft';
import { EventTypePicker } from './EventTypePicker';
import type { EndpointField } from './problems';

/** URL, description and events of an endpoint, each with its problem next to it. */
export function EndpointFields(props: {
  draft: EndpointDraft;
  onChange: (draft: EndpointDraft) => void;
  problems: ReadonlyMap<EndpointField, string>;
}) {
  const { t } = useTranslation();
  const { draft, onChange, problems } = props;
  const state = (field: EndpointField) => (problems.has(field) ? 'error' : 'none');
  return (
    <>
      <Field
        label={t('webhooks.form.url')}
        hint={t('webhooks.form.urlHint')}
        required
        validationMessage={problems.get('url')}
        validationState={state('url')}
      >
        <Input
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          value={draft.url}
          onChange={(_event, data) => onChange({ ...draft, url: data.value })}
        />
      </Field>
      <Field
        label={t('webhooks.form.description')}
        hint={t('webhooks.form.descriptionHint')}
        validationMessage={problems.get('description')}
        validationState={state('description')}
      >
        <Input
          maxLength={500}
          value={draft.description}
          onChange={(_event, data) => onChange({ ...draft, description: data.value })}
        />
      </Field>
      <EventTypePicker
        value={draft.events}
        onChange={(events) => onChange({ ...draft, events })}
        error={problems.get('eventTypes')}
      />
      {problems.has('form') && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problems.get('form')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
