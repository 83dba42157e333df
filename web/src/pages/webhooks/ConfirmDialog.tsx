import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** A command that asks first: its button, then a dialog saying what will happen. */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  button: string;
  title: string;
  text: string;
  confirm: string;
  pending: boolean;
  /** The refusal, in words, when the command failed. */
  problem?: string;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={(_event, data) => props.onOpenChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{props.button}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <Text>{props.text}</Text>
            {props.problem && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{props.problem}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={props.pending}
              onClick={props.onConfirm}
            >
              {props.confirm}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('webhooks.confirm.keep')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
