import { languages, type Language } from '@yhdessa/shared';
import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fi from '../locales/fi.json';
import sv from '../locales/sv.json';

const STORAGE_KEY = 'yhdessa.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The user's own choice on this device first, then the first of the browser's languages we have
 * ('sv-FI' counts as Swedish), else Finnish. The choice is mirrored into `<html lang>`; only a
 * choice the user makes is remembered, so a detected language follows the browser's settings.
 */
export function createI18n(language?: Language): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
      lng: language,
      fallbackLng: 'fi',
      supportedLngs: [...languages],
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: STORAGE_KEY,
        caches: [],
        convertDetectedLanguage: (detected: string) => detected.split('-')[0]!.toLowerCase(),
      },
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit only.
    }
  });
  return instance;
}
