import { describe, expect, it } from 'vitest';
import { assertResetOfAnother } from '../../src/domain/user.js';
import { refusalCode } from '../helpers/refusals.js';

describe('assertResetOfAnother', () => {
  it("lets an admin reset another user's password, or a token reset anyone's", () => {
    expect(refusalCode(() => assertResetOfAnother('admin', 'megan'))).toBeUndefined();
    expect(refusalCode(() => assertResetOfAnother(null, 'megan'))).toBeUndefined();
  });

  it('refuses resetting your own password', () => {
    expect(refusalCode(() => assertResetOfAnother('megan', 'megan'))).toBe(
      'cannot_reset_own_password',
    );
  });
});
