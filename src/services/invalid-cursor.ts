import { validationFailed } from '../domain/errors.js';

/** A cursor this list did not give: bad input, like any other. */
export function invalidCursor() {
  return validationFailed([
    { field: 'cursor', code: 'invalid_cursor', detail: 'cursor is not one this list returned.' },
  ]);
}
