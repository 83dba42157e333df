import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  copy: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  value: { fontFamily: tokens.fontFamilyMonospace },
});

/** The words of a ShownOnceSecret, in the feature's own messages. */
export interface ShownOnceWords {
  title: string;
  /** That it is shown this once only. */
  warning: string;
  /** What else the reader must know, if anything. */
  note?: string;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

/**
 * A secret the API answers once (a password, a signing secret): a warning bar that shows it
 * this once, with a way to copy it, until the user is done with it.
 */
export function ShownOnceSecret(props: {
  value: string;
  words: ShownOnceWords;
  /** The width of the secret's box, as its kind needs. */
  valueClassName?: string;
  'data-testid'?: string;
  onDone: () => void;
}) {
  const { words } = props;
  const styles = useStyles();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = () => {
    // Without a secure context there is no clipboard at all: that fails like a refusal.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(props.value))
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'));
  };

  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      role="status"
      data-testid={props['data-testid']}
    >
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{words.title}</MessageBarTitle>
        <Text>{words.warning}</Text>
        {words.note && <Text>{words.note}</Text>}
        <div className={styles.copy}>
          <Field label={words.label}>
            <Input
              readOnly
              className={mergeClasses(styles.value, props.valueClassName)}
              value={props.value}
              onFocus={(event) => event.target.select()}
            />
          </Field>
          <Button onClick={copy}>{words.copy}</Button>
        </div>
        {copied && <Text>{copied === 'yes' ? words.copied : words.copyFailed}</Text>}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDone}>{words.done}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
