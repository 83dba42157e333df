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
import { useState, type ReactElement, type ReactNode, type SyntheticEvent } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A button that opens a dialog. Its content is mounted while open only, so that every opening
 * starts from a fresh form; it gets a way to close the dialog, e.g. once the form is saved.
 */
export function FormDialog(props: {
  trigger: ReactElement;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{props.trigger}</DialogTrigger>
      <DialogSurface>{props.children(() => setOpen(false))}</DialogSurface>
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
