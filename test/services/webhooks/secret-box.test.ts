import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newSecretKey,
  parseSecretKey,
  SecretBox,
  SecretKeyError,
} from '../../../src/services/webhooks/secret-box.js';

const key = () => randomBytes(32);
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** `sealed` with one base64url character of part `index` changed. */
function altered(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index] ?? '';
  const flipped = part.startsWith('A') ? `B${part.slice(1)}` : `A${part.slice(1)}`;
  parts[index] = flipped;
  return parts.join('.');
}

describe('SecretBox', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const box = new SecretBox(key());
    const sealed = box.seal(SECRET);
    expect(box.open(sealed)).toBe(SECRET);
    const again = box.seal(SECRET);
    expect(again).not.toBe(sealed);
    expect(box.open(again)).toBe(SECRET);
  });

  it('never shows the secret in what it seals', () => {
    const box = new SecretBox(key());
    const sealed = box.seal(SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(SECRET.slice(6));
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64url'));
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed.startsWith('v1.')).toBe(true);
  });

  it('round-trips any text: empty, long, and beyond ASCII', () => {
    const box = new SecretBox(key());
    for (const text of ['', 'x'.repeat(10_000), '秘密 🔑 ü', 'a.b.c.d']) {
      expect(box.open(box.seal(text))).toBe(text);
    }
  });

  it('does not open with another key, and says so', () => {
    const sealed = new SecretBox(key()).seal(SECRET);
    const other = new SecretBox(key());
    expect(() => other.open(sealed)).toThrow(SecretKeyError);
    expect(() => other.open(sealed)).toThrow(/neither PSC_SECRET_KEY nor one of/);
  });

  it('opens with a previous key what that key sealed, and seals under the current one', () => {
    const oldKey = key();
    const newKey = key();
    const sealedBefore = new SecretBox(oldKey).seal(SECRET);
    const rotated = new SecretBox(newKey, [oldKey]);
    expect(rotated.open(sealedBefore)).toBe(SECRET);
    const sealedAfter = rotated.seal(SECRET);
    expect(new SecretBox(newKey).open(sealedAfter)).toBe(SECRET);
    expect(() => new SecretBox(oldKey).open(sealedAfter)).toThrow(SecretKeyError);
    // Once the old key is dropped, what it sealed no longer opens.
    expect(() => new SecretBox(newKey).open(sealedBefore)).toThrow(SecretKeyError);
  });

  it('opens with any of several previous keys', () => {
    const [a, b, c] = [key(), key(), key()];
    const box = new SecretBox(c, [a, b]);
    expect(box.open(new SecretBox(a).seal('from a'))).toBe('from a');
    expect(box.open(new SecretBox(b).seal('from b'))).toBe('from b');
    expect(box.open(new SecretBox(c).seal('from c'))).toBe('from c');
  });

  it('detects tampering with the iv, the tag or the body', () => {
    const box = new SecretBox(key());
    const sealed = box.seal(SECRET);
    for (const index of [2, 3, 4]) {
      expect(() => box.open(altered(sealed, index)), `part ${index}`).toThrow(SecretKeyError);
      expect(() => box.open(altered(sealed, index)), `part ${index}`).toThrow(/altered/);
    }
  });

  it('detects a sealed secret cut short, or pieced together from two', () => {
    const box = new SecretBox(key());
    const one = box.seal(SECRET).split('.');
    const two = box.seal('whsec_another').split('.');
    const body = one[4] ?? '';
    expect(() => box.open([...one.slice(0, 4), body.slice(0, -2)].join('.'))).toThrow(
      SecretKeyError,
    );
    expect(() => box.open([...one.slice(0, 4), two[4]].join('.'))).toThrow(SecretKeyError);
    expect(() => box.open([...one.slice(0, 3), two[3], one[4]].join('.'))).toThrow(SecretKeyError);
    expect(() => box.open(one.slice(0, 4).join('.'))).toThrow(SecretKeyError);
  });

  it("refuses a sealed secret whose key name was changed to another key's", () => {
    const a = key();
    const b = key();
    const box = new SecretBox(a, [b]);
    const sealed = box.seal(SECRET).split('.');
    const bId = new SecretBox(b).seal('x').split('.')[1] ?? '';
    expect(() => box.open([sealed[0], bId, ...sealed.slice(2)].join('.'))).toThrow(SecretKeyError);
  });

  it('refuses what is not a sealed secret at all', () => {
    const box = new SecretBox(key());
    for (const text of ['', SECRET, 'v2.abc.def.ghi.jkl', 'v1', '....', 'v1.zzzzzzzz.a.b.c']) {
      expect(() => box.open(text), text).toThrow(SecretKeyError);
    }
  });

  it('tells a secret sealed under an older key from a current one', () => {
    const oldKey = key();
    const newKey = key();
    const old = new SecretBox(oldKey).seal(SECRET);
    const box = new SecretBox(newKey, [oldKey]);
    expect(box.isStale(old)).toBe(true);
    expect(box.isStale(box.seal(SECRET))).toBe(false);
    expect(new SecretBox(oldKey).isStale(old)).toBe(false);
  });

  it('takes 32-byte keys only', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => new SecretBox(randomBytes(33))).toThrow(/32 bytes/);
    expect(() => new SecretBox(key(), [randomBytes(31)])).toThrow(/32 bytes/);
  });
});

describe('parseSecretKey', () => {
  const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 251) % 256));

  it('reads base64, with or without its padding', () => {
    const text = raw.toString('base64');
    expect(text).toMatch(/=$/);
    expect(parseSecretKey(text)).toEqual(raw);
    expect(parseSecretKey(text.slice(0, -1))).toEqual(raw);
    expect(parseSecretKey(`  ${text}\n`)).toEqual(raw);
  });

  it('reads base64url', () => {
    const text = raw.toString('base64url');
    expect(text).toMatch(/[-_]/);
    expect(parseSecretKey(text)).toEqual(raw);
    expect(parseSecretKey(`${text}=`)).toEqual(raw);
  });

  it('reads hex, in either case', () => {
    expect(parseSecretKey(raw.toString('hex'))).toEqual(raw);
    expect(parseSecretKey(raw.toString('hex').toUpperCase())).toEqual(raw);
  });

  it('reads what newSecretKey writes, and what openssl rand -base64 32 does', () => {
    for (let i = 0; i < 20; i += 1) {
      const text = newSecretKey();
      expect(parseSecretKey(text)).toEqual(Buffer.from(text, 'base64'));
      expect(parseSecretKey(text)).toHaveLength(32);
    }
  });

  it.each([
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['31 bytes of base64', randomBytes(31).toString('base64')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
    ['64 bytes of base64', randomBytes(64).toString('base64')],
    ['31 bytes of hex', randomBytes(31).toString('hex')],
    ['33 bytes of hex', randomBytes(33).toString('hex')],
    ['empty', ''],
    ['spaces', '   '],
    ['a passphrase', 'correct horse battery staple, correct horse'],
    ['base64 with a character outside it', `${randomBytes(32).toString('base64').slice(0, 42)}!=`],
    ['hex with a character outside it', `${randomBytes(32).toString('hex').slice(0, 63)}g`],
  ])('refuses %s', (_what, text) => {
    expect(parseSecretKey(text)).toBeNull();
  });
});
