import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode, SyntheticEvent } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A button that opens a dialog. Its content is mounted while open only, so that every opening
 * starts from a fresh form.
 */
export function FormDialog(props: {
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={props.open} onOpenChange={(_event, data) => props.onOpenChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>{props.trigger}</DialogTrigger>
      <DialogSurface>{props.children}</DialogSurface>
    </Dialog>
  );
}

/** The form inside a FormDialog: title, fields, then submit and cancel. */
export function DialogForm(props: {
  title: string;
  onSubmit: () => void;
  submit: string;
  cancel: string;
  pending: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent className={styles.content}>{props.children}</DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabledFocusable={props.pending}>
            {props.submit}
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button>{props.cancel}</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
