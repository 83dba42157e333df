import { DomainError } from '../domain/errors.js';

/** A cursor this list did not give: bad input, with a code of its own (start from page one). */
export function invalidCursor() {
  const detail = 'cursor is not one this list returned; start again without it.';
  return new DomainError('invalid_cursor', detail, [
    { field: 'cursor', code: 'invalid_cursor', detail },
  ]);
}
