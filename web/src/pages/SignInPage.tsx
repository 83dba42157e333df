import {
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { errorMessage } from '../components/common';
import { useSession, useSignIn } from '../session';

const useStyles = makeStyles({
  card: { maxWidth: '420px', margin: `${tokens.spacingVerticalXXL} auto` },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function SignInPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const location = useLocation();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={from} replace />;

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  const failure = signIn.error;
  const failureText =
    failure instanceof ApiError && failure.status === 401
      ? t('signIn.failed')
      : failure instanceof ApiError && failure.status === 429
        ? t('signIn.locked')
        : failure
          ? t('app.error', { message: errorMessage(failure) })
          : null;

  return (
    <Card className={styles.card}>
      <form className={styles.form} onSubmit={onSubmit}>
        <Title2 as="h1">{t('signIn.title')}</Title2>
        <Text>{t('signIn.intro')}</Text>
        {failureText && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{failureText}</MessageBarBody>
          </MessageBar>
        )}
        <Field label={t('signIn.email')} required>
          <Input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(_event, data) => setEmail(data.value)}
          />
        </Field>
        <Field label={t('signIn.password')} required>
          <Input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(_event, data) => setPassword(data.value)}
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </form>
    </Card>
  );
}
