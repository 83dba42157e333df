import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/common';
import { usePasswordLength, type PasswordLength } from './policy';

/** Friendly words for the refusals this feature knows; the API's own detail for the rest. */
export function problemText(
  t: TFunction,
  error: unknown,
  passwordLength: PasswordLength | undefined,
): string {
  if (!(error instanceof ApiError))
    return t('users.problems.failed', { message: errorMessage(error) });
  const codes = [error.problem.code, ...(error.problem.errors ?? []).map((e) => e.code)];
  if (codes.includes('user_email_taken')) return t('users.problems.emailTaken');
  if (codes.includes('cannot_change_own_access')) return t('users.problems.ownAccess');
  if (codes.includes('weak_password') && passwordLength) {
    return t('users.problems.weakPassword', passwordLength);
  }
  if (codes.includes('invalid_credentials')) return t('users.problems.wrongCurrent');
  if (codes.includes('password_unchanged')) return t('users.problems.unchanged');
  if (codes.includes('forbidden')) return t('users.problems.forbidden');
  return t('users.problems.failed', { message: errorMessage(error) });
}

/** A refusal of the API, in words, announced at once. */
export function ProblemBar(props: { error: unknown }) {
  const { t } = useTranslation();
  const passwordLength = usePasswordLength();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{problemText(t, props.error, passwordLength)}</MessageBarBody>
    </MessageBar>
  );
}

/** What is wrong with the length of a new password, if anything; the API checks it again. */
export function passwordLengthError(
  t: TFunction,
  password: string,
  length: PasswordLength | undefined,
): string | undefined {
  if (!length) return undefined;
  if (password.length < length.min) {
    return t('users.account.password.tooShort', { min: length.min });
  }
  if (password.length > length.max) {
    return t('users.account.password.tooLong', { max: length.max });
  }
  return undefined;
}
