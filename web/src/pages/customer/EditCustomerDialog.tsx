import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Customer } from '../../api/client';
import { errorMessage } from '../../components/common';
import { DialogForm, FormDialog } from '../../components/DialogForm';
import { useNotify } from '../../components/Toasts';
import {
  CUSTOMER_FIELDS,
  missingFields,
  patchOf,
  valuesOf,
  type CustomerField,
  type CustomerValues,
} from './customerDraft';
import { useUpdateCustomer } from './useUpdateCustomer';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** The customer page's "Edit customer" command: its name, domain and billing contact. */
export function EditCustomerDialog(props: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button>{t('customerPage.edit.button')}</Button>}>
      {(close) => <EditCustomerForm customer={props.customer} onSaved={close} />}
    </FormDialog>
  );
}

function EditCustomerForm(props: { customer: Customer; onSaved: () => void }) {
  const { customer } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [values, setValues] = useState<CustomerValues>(() => valuesOf(customer));
  const [missing, setMissing] = useState<readonly CustomerField[]>([]);
  const [unchanged, setUnchanged] = useState(false);
  const update = useUpdateCustomer(customer, (saved) => {
    notify(t('customerPage.edit.saved', { name: saved.companyName }));
    props.onSaved();
  });

  const refusal = update.error instanceof ApiError ? update.error : undefined;
  const refusedFields = refusal?.problem.errors ?? [];
  const messageOf = (field: CustomerField): string | undefined => {
    if (missing.includes(field)) return t('customerPage.edit.problems.required');
    const refused =
      refusedFields.find((item) => item.field === field) ??
      (field === '/domain' && refusal?.problem.code === 'customer_domain_taken'
        ? { code: 'customer_domain_taken', detail: refusal.problem.detail ?? '' }
        : undefined);
    if (!refused) return undefined;
    return t(`customerPage.edit.problems.${refused.code}`, { defaultValue: refused.detail });
  };
  // A refusal that no field explains is said once, under the fields.
  const unplaced =
    update.isError && !CUSTOMER_FIELDS.some((name) => messageOf(name))
      ? refusal?.status === 412
        ? t('customerPage.edit.conflict')
        : t('customerPage.edit.failed', { message: errorMessage(update.error) })
      : undefined;

  const onSubmit = () => {
    const empty = missingFields(values);
    setMissing(empty);
    update.reset();
    if (empty.length > 0) return;
    const patch = patchOf(customer, values);
    const nothing = Object.keys(patch).length === 0;
    setUnchanged(nothing);
    if (!nothing) update.mutate(patch);
  };

  const field = (name: CustomerField, label: string, options: { hint?: string } = {}) => (
    <Field
      label={label}
      hint={options.hint}
      required
      validationMessage={messageOf(name)}
      validationState={messageOf(name) ? 'error' : 'none'}
    >
      <Input
        type={name === '/billingProfile/email' ? 'email' : 'text'}
        value={values[name]}
        onChange={(_event, data) => setValues((previous) => ({ ...previous, [name]: data.value }))}
      />
    </Field>
  );

  return (
    <DialogForm
      title={t('customerPage.edit.title', { name: customer.companyName })}
      onSubmit={onSubmit}
      submit={update.isPending ? t('customerPage.edit.saving') : t('customerPage.edit.save')}
      cancel={t('customerPage.edit.cancel')}
      pending={update.isPending}
    >
      <Subtitle2 as="h3">{t('customerPage.edit.company')}</Subtitle2>
      {field('/companyName', t('customerPage.edit.companyName'))}
      {field('/domain', t('customerPage.edit.domain'), { hint: t('customerPage.edit.domainHint') })}
      <Subtitle2 as="h3">{t('customerPage.edit.billingContact')}</Subtitle2>
      <div className={styles.row}>
        {field('/billingProfile/firstName', t('customerPage.edit.firstName'))}
        {field('/billingProfile/lastName', t('customerPage.edit.lastName'))}
      </div>
      {field('/billingProfile/email', t('customerPage.edit.email'))}
      {field('/billingProfile/address/line1', t('customerPage.edit.address'))}
      <div className={styles.row}>
        {field('/billingProfile/address/city', t('customerPage.edit.city'))}
        {field('/billingProfile/address/postalCode', t('customerPage.edit.postalCode'))}
      </div>
      {unchanged && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('customerPage.edit.noChanges')}</MessageBarBody>
        </MessageBar>
      )}
      {unplaced && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{unplaced}</MessageBarBody>
        </MessageBar>
      )}
    </DialogForm>
  );
}
