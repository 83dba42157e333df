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
  password: { fontFamily: tokens.fontFamilyMonospace, minWidth: '260px' },
});

/** The password the API made for a new user: it answers it once, so it is shown once. */
export function TemporaryPassword(props: { email: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = () => {
    // Without a secure context there is no clipboard at all: that fails like a refusal.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(props.password))
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'));
  };

  return (
    <MessageBar intent="warning" layout="multiline" role="status" data-testid="temporary-password">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t('users.temporary.title', { email: props.email })}</MessageBarTitle>
        <Text>{t('users.temporary.warning')}</Text>
        <div className={styles.copy}>
          <Field label={t('users.temporary.label')}>
            <Input
              readOnly
              className={styles.password}
              value={props.password}
              onFocus={(event) => event.target.select()}
            />
          </Field>
          <Button onClick={copy}>{t('users.temporary.copy')}</Button>
        </div>
        {copied && (
          <Text>
            {copied === 'yes' ? t('users.temporary.copied') : t('users.temporary.copyFailed')}
          </Text>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDone}>{t('users.temporary.done')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
