import { describe, expect, it } from 'vitest';
import { instantText } from '../../src/domain/instant-text.js';

/** The instants among `times` whose text differs from toISOString's, with both texts. */
const differing = (times: Iterable<number>) => {
  const found: string[] = [];
  for (const time of times) {
    const instant = new Date(time);
    const text = instantText(instant);
    if (text !== instant.toISOString()) found.push(`${text} for ${instant.toISOString()}`);
  }
  return found;
};

describe('instantText', () => {
  it('writes what toISOString writes at the edges of days, months, leap years and the range', () => {
    for (const text of [
      '1970-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.001Z',
      '1999-12-31T23:59:59.999Z',
      '2000-02-29T12:00:00.000Z',
      '2000-03-01T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2026-03-01T09:30:05.042Z',
      '2100-02-28T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '2400-02-29T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(instantText(new Date(text))).toBe(text);
    }
  });

  it('writes what toISOString writes for every day from 1970 to 9999, at varying times', () => {
    function* everyDay() {
      const day = 86_400_000;
      for (let days = 0; days * day < 253_402_300_800_000; days++) {
        yield days * day + ((days * 7_919_993) % day);
      }
    }
    expect(differing(everyDay())).toEqual([]);
  });

  it('writes what toISOString writes for instants in any order (the kept day changes)', () => {
    let seed = 12_345;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const times = Array.from({ length: 100_000 }, () => Math.floor(next() * 253_402_300_800_000));
    expect(differing(times)).toEqual([]);
  });

  it('leaves instants before 1970 or past 9999 to toISOString, and an invalid date still throws', () => {
    expect(instantText(new Date('1969-12-31T23:59:59.999Z'))).toBe('1969-12-31T23:59:59.999Z');
    expect(instantText(new Date('+010000-01-01T00:00:00.000Z'))).toBe(
      '+010000-01-01T00:00:00.000Z',
    );
    expect(() => instantText(new Date('not a date'))).toThrow(RangeError);
  });
});
