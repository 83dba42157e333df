import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '../../api/client';
import { ErrorBar, Loading } from '../../components/common';
import { useNotify } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { useLicenseChange, useLicenseHolders, type CustomerUser } from './customerUsers';
import { problemWords } from './problemWords';
import { useSubscriptionName } from './useSubscriptionName';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  holders: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
});

/** "Assign licenses": a box per user of the customer, ticked while they hold a license. */
export function LicenseDialog(props: {
  customerId: string;
  subscription: Subscription;
  users: readonly CustomerUser[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const nameOf = useSubscriptionName();
  const name = nameOf(props.subscription);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" aria-label={t('customerPage.licenses.manageFor', { name })}>
          {t('customerPage.licenses.manage')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customerPage.licenses.dialogTitle', { name })}</DialogTitle>
          {open && <Holders {...props} />}
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">{t('customerPage.licenses.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Holders(props: {
  customerId: string;
  subscription: Subscription;
  users: readonly CustomerUser[];
}) {
  const { subscription: s, users } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const notify = useNotify();
  const nameOf = useSubscriptionName();
  const holders = useLicenseHolders(props.customerId, s.id);
  const change = useLicenseChange(props.customerId, s.id);

  if (holders.isPending) return <Loading />;
  if (holders.isError) return <ErrorBar error={holders.error} />;
  const assigned = holders.data.size;
  const full = assigned >= s.quantity;

  const toggle = (user: CustomerUser, assign: boolean) => {
    change.mutate(
      { userId: user.id, assigned: assign },
      {
        onSuccess: () =>
          notify(
            assign
              ? t('customerPage.licenses.assigned', {
                  name: user.displayName,
                  subscription: nameOf(s),
                })
              : t('customerPage.licenses.unassigned', { name: user.displayName }),
          ),
      },
    );
  };

  return (
    <DialogContent className={styles.content}>
      <Text role="status" data-testid="license-count">
        {t('customerPage.licenses.summary', {
          assigned: format.number(assigned),
          quantity: format.number(s.quantity),
        })}
      </Text>
      {full && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('customerPage.licenses.noneLeft')}</MessageBarBody>
        </MessageBar>
      )}
      {users.length === 0 ? (
        <Text>{t('customerPage.licenses.noUsers')}</Text>
      ) : (
        <fieldset className={styles.holders}>
          <legend>{t('customerPage.licenses.holders')}</legend>
          {users.map((user) => {
            const holds = holders.data.has(user.id);
            // While the API is asked, the box already shows what was asked for.
            const pending = change.isPending && change.variables.userId === user.id;
            return (
              <Checkbox
                key={user.id}
                label={t('customerPage.licenses.assign', {
                  name: user.displayName,
                  email: user.email,
                })}
                checked={pending ? change.variables.assigned : holds}
                // No license is left to give: only those who hold one can be changed.
                disabled={change.isPending || (full && !holds)}
                onChange={(_event, data) => toggle(user, data.checked === true)}
              />
            );
          })}
        </fieldset>
      )}
      {change.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {problemWords(t, 'customerPage.licenses.problems', change.error)}
          </MessageBarBody>
        </MessageBar>
      )}
    </DialogContent>
  );
}
