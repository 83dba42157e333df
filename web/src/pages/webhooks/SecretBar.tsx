import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  copy: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  // A whole secret (whsec_ and 44 characters) in view.
  secret: { fontFamily: tokens.fontFamilyMonospace, width: '56ch', maxWidth: '100%' },
});

/** A signing secret, which the API answers once: shown once, with a way to copy it. */
export function SecretBar(props: {
  title: string;
  secret: string;
  /** What else the reader must know, e.g. until when the old secret signs. */
  note?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = () => {
    // Without a secure context there is no clipboard at all: that fails like a refusal.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(props.secret))
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'));
  };

  return (
    <MessageBar intent="warning" layout="multiline" role="status" data-testid="webhook-secret">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <Text>{t('webhooks.secret.warning')}</Text>
        {props.note && <Text>{props.note}</Text>}
        <div className={styles.copy}>
          <Field label={t('webhooks.secret.label')}>
            <Input
              readOnly
              className={styles.secret}
              value={props.secret}
              onFocus={(event) => event.target.select()}
            />
          </Field>
          <Button onClick={copy}>{t('webhooks.secret.copy')}</Button>
        </div>
        {copied && (
          <Text>
            {copied === 'yes' ? t('webhooks.secret.copied') : t('webhooks.secret.copyFailed')}
          </Text>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDone}>{t('webhooks.secret.done')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
