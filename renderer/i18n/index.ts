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
const KEY = 'hangar.language';

function isLanguage(v: string | null): v is Language {
  return v !== null && Object.hasOwn(languages, v);
}

/** The language chosen in the masthead, else the browser's. */
function preferredLanguage(): Language {
  const chosen = localStorage.getItem(KEY);
  if (isLanguage(chosen)) return chosen;
  const wanted = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return wanted.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function initI18n(): typeof i18next {
  const lng = preferredLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}

/** Switches the UI's language at once and keeps the choice. */
export function setLanguage(lng: Language): void {
  localStorage.setItem(KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}
