import { languages, type Language } from '@yhdessa/shared';
import i18next, { type BackendModule, type i18n, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

const STORAGE_KEY = 'yhdessa.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Each language's strings are a chunk of their own, fetched when someone reads them: a page carries one language, not three. */
const languageStrings: Record<Language, () => Promise<{ default: ResourceKey }>> = {
  fi: () => import('../locales/fi.json'),
  sv: () => import('../locales/sv.json'),
  en: () => import('../locales/en.json'),
};

/** i18next's own way to add a language later: a backend that it asks before it switches to a language it lacks. */
const languageChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLanguage(language)) return callback(null, {});
    languageStrings[language]().then(
      (chunk) => callback(null, chunk.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/**
 * The user's own choice on this device first, then the first of the browser's languages we have
 * ('sv-FI' counts as Swedish), else Finnish. The choice is mirrored into `<html lang>`; only a
 * choice the user makes is remembered, so a detected language follows the browser's settings.
 * app/early-requests.ts makes the same choice to fetch the strings early: a change here goes there too.
 * Every language has every key (i18n.test.ts), so there is no fallback language to fetch beside it.
 * `strings` are languages at hand already (tests), which are then not fetched.
 */
export function createI18n(language?: Language, strings: Partial<Record<Language, ResourceKey>> = {}): i18n {
  const instance = i18next.createInstance();
  const detector = new LanguageDetector();
  detector.addDetector({ name: 'finnish', lookup: () => 'fi' });
  void instance
    .use(languageChunks)
    .use(detector)
    .use(initReactI18next)
    .init({
      resources: Object.fromEntries(Object.entries(strings).map(([code, translation]) => [code, { translation }])),
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: false,
      supportedLngs: [...languages],
      detection: {
        order: ['localStorage', 'navigator', 'finnish'],
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
