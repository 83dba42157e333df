import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/common';
import { MAX_ENDPOINTS } from '../../lib/webhooks';

/** The fields of the endpoint form a refusal can point at; `form` is the form as a whole. */
export type EndpointField = 'url' | 'description' | 'eventTypes' | 'form';

/**
 * A refusal of this feature in the app's words, those of its field first (`invalid_value` of
 * the URL is not that of the event types); the API's own detail when there are none.
 */
export function problemText(t: TFunction, code: string, detail: string, field?: string): string {
  const keys = [`webhooks.problems.${code}`];
  if (field) keys.unshift(`webhooks.problems.${field}.${code}`);
  return t(keys, { defaultValue: detail, max: MAX_ENDPOINTS });
}

/** The field a JSON Pointer of the request body names: `/eventTypes/0` is the event types. */
function fieldOf(pointer: string | undefined): EndpointField {
  const name = /^\/(\w+)/.exec(pointer ?? '')?.[1];
  return name === 'url' || name === 'description' || name === 'eventTypes' ? name : 'form';
}

/** A refusal's problems by the field they belong next to, each in words. */
export function fieldProblems(t: TFunction, error: unknown): Map<EndpointField, string> {
  const problems = new Map<EndpointField, string[]>();
  const add = (field: EndpointField, text: string) =>
    problems.set(field, [...(problems.get(field) ?? []), text]);
  if (!(error instanceof ApiError)) {
    if (error) add('form', t('webhooks.problems.failed', { message: errorMessage(error) }));
  } else if (error.problem.errors?.length) {
    for (const item of error.problem.errors) {
      const field = fieldOf(item.field);
      add(field, problemText(t, item.code, item.detail, field));
    }
  } else {
    const { code = '', detail = error.message } = error.problem;
    // A URL the server will not send to is a problem of the URL, though the body was well formed.
    add(code === 'webhook_url_not_allowed' ? 'url' : 'form', problemText(t, code, detail));
  }
  return new Map([...problems].map(([field, texts]) => [field, [...new Set(texts)].join(' ')]));
}

/** A refusal of a command (not a form) in words. */
export function commandProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.problem.code) {
    return problemText(t, error.problem.code, error.message);
  }
  return t('webhooks.problems.failed', { message: errorMessage(error) });
}
