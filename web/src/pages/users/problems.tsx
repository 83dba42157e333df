import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './model';

/** Friendly words for the refusals this feature knows; the API's own detail for the rest. */
export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError))
    return t('users.problems.failed', { message: errorMessage(error) });
  const codes = [error.problem.code, ...(error.problem.errors ?? []).map((e) => e.code)];
  if (codes.includes('user_email_taken')) return t('users.problems.emailTaken');
  if (codes.includes('cannot_change_own_access')) return t('users.problems.ownAccess');
  if (codes.includes('weak_password')) {
    return t('users.problems.weakPassword', { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  }
  if (codes.includes('invalid_credentials')) return t('users.problems.wrongCurrent');
  if (codes.includes('forbidden')) return t('users.problems.forbidden');
  return t('users.problems.failed', { message: errorMessage(error) });
}

/** A refusal of the API, in words, announced at once. */
export function ProblemBar(props: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{problemText(t, props.error)}</MessageBarBody>
    </MessageBar>
  );
}

/** What is wrong with the length of a new password, if anything. */
export function passwordLengthError(t: TFunction, password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return t('users.account.password.tooShort', { min: MIN_PASSWORD_LENGTH });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return t('users.account.password.tooLong', { max: MAX_PASSWORD_LENGTH });
  }
  return undefined;
}
