import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhTW } from './zh-TW';

export const LANGUAGES = ['en', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'psc.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else the browser's first language we have, else English. */
function initialLanguage(): Language {
  const stored = globalThis.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const wanted of globalThis.navigator.languages) {
    if (/^zh-(TW|Hant|HK|MO)/i.test(wanted)) return 'zh-TW';
    if (wanted.startsWith('en')) return 'en';
  }
  return 'en';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-TW': { translation: zhTW } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function changeLanguage(language: Language): void {
  globalThis.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
