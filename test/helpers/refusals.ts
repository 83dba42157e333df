import { DomainError, type ErrorCode } from '../../src/domain/errors.js';

/** The code of the DomainError `act` refuses with, or undefined when it does not refuse. */
export function refusalCode(act: () => unknown): ErrorCode | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/** The DomainError `act` refuses with, with its code and field-level details; fails if none. */
export function refusal(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
