import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/common';

/**
 * A refusal in the words of `section` (`customerPage.users.problems`, …) when it has words for
 * its code or a field's code; otherwise the API's own detail.
 */
export function problemWords(t: TFunction, section: string, error: unknown): string {
  if (error instanceof ApiError) {
    const codes = [error.problem.code, ...(error.problem.errors ?? []).map((item) => item.code)];
    for (const code of codes) {
      if (code && t(`${section}.${code}`, { defaultValue: '' }) !== '') {
        return t(`${section}.${code}`);
      }
    }
  }
  return t(`${section}.failed`, { message: errorMessage(error) });
}
