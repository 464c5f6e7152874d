import { languages, type Language } from '@yhdessa/shared';
import i18next, { type BackendModule, type i18n, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import fi from '../locales/fi.json';

const STORAGE_KEY = 'yhdessa.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Finnish, the default, comes with the first load; Swedish and English are fetched when someone reads them. */
const laterLanguages: Record<Exclude<Language, 'fi'>, () => Promise<{ default: ResourceKey }>> = {
  sv: () => import('../locales/sv.json'),
  en: () => import('../locales/en.json'),
};

/** i18next's own way to add a language later: a backend that it asks before it switches to a language it lacks. */
const languageChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const load = isLanguage(language) && language !== 'fi' ? laterLanguages[language] : undefined;
    if (!load) return callback(null, {});
    load().then(
      (chunk) => callback(null, chunk.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/**
 * The user's own choice on this device first, then the first of the browser's languages we have
 * ('sv-FI' counts as Swedish), else Finnish. The choice is mirrored into `<html lang>`; only a
 * choice the user makes is remembered, so a detected language follows the browser's settings.
 */
export function createI18n(language?: Language): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(languageChunks)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { fi: { translation: fi } },
      partialBundledLanguages: true,
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
  // The detected language may arrive after this function returns (its strings are fetched): only a
  // language asked for from here on is a choice to remember.
  let chosen: string | undefined;
  instance.on('languageChanging', (next) => {
    chosen = next;
  });
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    if (next !== chosen) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit only.
    }
  });
  return instance;
}

/**
 * Resolves once the language in use has its strings, so that a Swedish or English reader never
 * sees Finnish first. A language chosen later is fetched by `changeLanguage`, which switches only then.
 */
export async function languageLoaded(instance: i18n): Promise<void> {
  await instance.loadLanguages(instance.language);
}
