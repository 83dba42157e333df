import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { zhTW } from '../src/i18n/zh-TW';

type Tree = { [key: string]: string | Tree };

/** Every message as `path.to.key` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') messages.set(path, value);
    else for (const [inner, text] of flatten(value, path)) messages.set(inner, text);
  }
  return messages;
}

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;
/** Messages that are the same in every language: names of languages, and units' symbols. */
const SAME_EVERYWHERE = new Set([
  'languages.en',
  'languages.zh-TW',
  'pricing.units.gigabytes_one',
  'pricing.units.gigabytes_other',
]);

describe('the portal’s messages', () => {
  const english = flatten(en);
  const chinese = flatten(zhTW);

  it('has a 繁體中文 message for every English one, and no other', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps every placeholder of the English message in its translation', () => {
    const mismatched = [...english].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(chinese.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('translates every message: each has Chinese characters unless it is only layout', () => {
    const untranslated = [...chinese].filter(
      ([key, text]) =>
        !SAME_EVERYWHERE.has(key) &&
        !HAN.test(text) &&
        // e.g. '{{assigned}} / {{quantity}}' or '{{line}}：{{reason}}': nothing to translate
        /[A-Za-z]/.test(text.replace(/{{\s*\w+\s*}}/g, '')),
    );
    expect(untranslated).toEqual([]);
  });
});
