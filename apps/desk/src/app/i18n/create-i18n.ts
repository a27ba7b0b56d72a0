import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage } from './detect-language';
import { NAMESPACES, resources } from './resources';
import { SUPPORTED_LANGUAGES } from './supported-languages';

/**
 * A fresh i18next instance (not the global singleton, so each test gets its own). Keeps
 * `<html lang>` in step with the active language, so screen readers pronounce it right.
 */
export function createI18n(language: string = detectLanguage()): I18n {
  const instance = createInstance();
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: SUPPORTED_LANGUAGES[0],
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // Resources are bundled, so initialisation can finish before the first render.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
