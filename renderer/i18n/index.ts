import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every language provides exactly the English keys. */
export type Strings = Widen<typeof en>;

export const languages = { en: 'English', 'zh-CN': '简体中文' } as const;

function preferredLanguage(): keyof typeof languages {
  const wanted = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return wanted.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: preferredLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
