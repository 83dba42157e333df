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
