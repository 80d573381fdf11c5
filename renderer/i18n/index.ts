import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every language provides exactly the English keys. */
export type Strings = Widen<typeof en>;

/** Each language by its own name. */
export const languages = { en: 'English', 'zh-CN': '简体中文' } as const;
export type Language = keyof typeof languages;
/** The language preference (general.language): a language, or the system's. */
export type LanguageChoice = Language | 'system';
// A copy of the preference, for the first paint before the API answers.
const KEY = 'hangar.language';

function isLanguage(v: string | null): v is Language {
  return v !== null && Object.hasOwn(languages, v);
}

/** The browser's language, if it is one Hangar speaks; else English. */
function systemLanguage(): Language {
  const wanted = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return wanted.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function resolveLanguage(choice: LanguageChoice): Language {
  return choice === 'system' ? systemLanguage() : choice;
}

/** The preference as last applied in this browser. */
export function cachedLanguage(): LanguageChoice {
  const v = localStorage.getItem(KEY);
  return isLanguage(v) ? v : 'system';
}

export function initI18n(): typeof i18next {
  const lng = resolveLanguage(cachedLanguage());
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}

/** Shows the UI in the chosen language at once, and keeps a copy of the choice for the next start. */
export function applyLanguage(choice: LanguageChoice): void {
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  const lng = resolveLanguage(choice);
  document.documentElement.lang = lng;
  if (i18next.language !== lng) void i18next.changeLanguage(lng);
}
