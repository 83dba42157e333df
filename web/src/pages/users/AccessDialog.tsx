import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from './model';
import { ProblemBar } from './problems';
import { useUpdateUser } from './useUpdateUser';

/** Disabling a user (or enabling them again), after a confirmation; never oneself. */
export function AccessDialog(props: { user: User; self: boolean; onSaved: (user: User) => void }) {
  const { user } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const update = useUpdateUser(user, props.self, (updated) => {
    setOpen(false);
    props.onSaved(updated);
  });
  const name = user.displayName || user.email;
  const action = user.disabled ? 'enable' : 'disable';

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (data.open) update.reset();
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button
          size="small"
          disabled={props.self}
          aria-label={t(`users.access.${action}For`, { name })}
        >
          {t(`users.access.${action}`)}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t(`users.access.${action}Title`, { name })}</DialogTitle>
          <DialogContent>
            <Text>{t(`users.access.${action}Text`, { name })}</Text>
            {update.isError && <ProblemBar error={update.error} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={update.isPending}
              onClick={() => update.mutate({ disabled: !user.disabled })}
            >
              {t(`users.access.${action}`)}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('users.access.keep')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
