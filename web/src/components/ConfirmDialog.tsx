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
import type { ReactElement } from 'react';

/** A command that asks first: its button, then a dialog saying what will happen. */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  text: string;
  /** The words of the button that does it, and of the one that does not. */
  confirm: string;
  keep: string;
  pending: boolean;
  /** The refusal, in words, when the command failed. */
  problem?: string;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={props.open} onOpenChange={(_event, data) => props.onOpenChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>{props.trigger}</DialogTrigger>
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
              <Button>{props.keep}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
