import { Button, Checkbox, Field, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm, FormDialog } from '../../components/DialogForm';
import { useNotify } from '../../components/Toasts';
import { TextField } from '../users/TextField';
import { useAddCustomerUser } from './customerUsers';
import { problemWords } from './problemWords';

/** "Add user": one of the customer's own people, who can then be given licenses. */
export function AddCustomerUserDialog(props: { customerId: string; customerName: string }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button>{t('customerPage.users.add.button')}</Button>}>
      {(close) => <AddUserForm {...props} onAdded={close} />}
    </FormDialog>
  );
}

function AddUserForm(props: { customerId: string; customerName: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [checked, setChecked] = useState(false);
  const add = useAddCustomerUser(props.customerId, (user) => {
    notify(t('customerPage.users.add.added', { name: user.displayName }));
    props.onAdded();
  });

  const errors = {
    email: email.trim() === '' ? t('customerPage.users.add.emailRequired') : undefined,
    displayName: displayName.trim() === '' ? t('customerPage.users.add.nameRequired') : undefined,
  };
  const onSubmit = () => {
    setChecked(true);
    if (errors.email || errors.displayName) return;
    add.mutate({ email: email.trim(), displayName: displayName.trim(), isAdmin });
  };

  return (
    <DialogForm
      title={t('customerPage.users.add.title', { customer: props.customerName })}
      onSubmit={onSubmit}
      submit={
        add.isPending ? t('customerPage.users.add.submitting') : t('customerPage.users.add.submit')
      }
      cancel={t('customerPage.users.add.cancel')}
      pending={add.isPending}
    >
      <TextField
        label={t('customerPage.users.add.email')}
        type="email"
        autoComplete="off"
        maxLength={254}
        required
        value={email}
        onChange={setEmail}
        error={checked ? errors.email : undefined}
      />
      <TextField
        label={t('customerPage.users.add.displayName')}
        maxLength={200}
        required
        value={displayName}
        onChange={setDisplayName}
        error={checked ? errors.displayName : undefined}
      />
      <Field hint={t('customerPage.users.add.isAdminHint')}>
        <Checkbox
          label={t('customerPage.users.add.isAdmin')}
          checked={isAdmin}
          onChange={(_event, data) => setIsAdmin(data.checked === true)}
        />
      </Field>
      {add.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {problemWords(t, 'customerPage.users.problems', add.error)}
          </MessageBarBody>
        </MessageBar>
      )}
    </DialogForm>
  );
}
