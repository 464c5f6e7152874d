import en from '../locales/en.json';
import fi from '../locales/fi.json';
import sv from '../locales/sv.json';
import { createI18n, languageLoaded } from './i18n';

const cancel = { fi: fi.common.cancel, sv: sv.common.cancel, en: en.common.cancel };

const STORAGE_KEY = 'yhdessa.language';

function browserLanguages(list: string[]) {
  jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(list);
  jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(list[0] ?? '');
}

describe('the first language', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => jest.restoreAllMocks());

  it('is the language the user chose on this device, whatever the browser says', () => {
    window.localStorage.setItem(STORAGE_KEY, 'en');
    browserLanguages(['sv-FI', 'fi']);
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it.each([
    [['sv-FI', 'fi-FI'], 'sv'],
    [['en-US', 'en'], 'en'],
    [['de-DE', 'en-GB'], 'en'],
    [['fi'], 'fi'],
    [['de-DE'], 'fi'],
    [[], 'fi'],
  ] as const)('from the browser languages %j is %s', async (list, expected) => {
    browserLanguages([...list]);
    const i18n = createI18n();
    expect(i18n.language).toBe(expected);
    await languageLoaded(i18n);
    expect(i18n.t('common.cancel')).toBe(cancel[expected]);
    expect(document.documentElement.lang).toBe(expected);
  });

  it('skips a stored value that is no language of ours', () => {
    window.localStorage.setItem(STORAGE_KEY, 'xx');
    browserLanguages(['sv-FI']);
    expect(createI18n().language).toBe('sv');
  });

  it('remembers a language the user picks, not one detected from the browser', async () => {
    browserLanguages(['sv-FI']);
    const i18n = createI18n();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
    await i18n.changeLanguage('en');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the languages on demand', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => jest.restoreAllMocks());

  it('when Finnish is in use, then only the Finnish strings are fetched; choosing Swedish fetches its strings and only then switches', async () => {
    browserLanguages(['fi-FI']);
    const i18n = createI18n();
    expect(i18n.hasResourceBundle('fi', 'translation')).toBe(false);
    await languageLoaded(i18n);
    expect(i18n.hasResourceBundle('fi', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);

    const switching = i18n.changeLanguage('sv');
    // Until Swedish has arrived the page stays Finnish, never a mix or keys.
    expect(i18n.language).toBe('fi');
    expect(i18n.t('common.cancel')).toBe(fi.common.cancel);
    await switching;
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(true);
    expect(i18n.language).toBe('sv');
    expect(i18n.t('common.cancel')).toBe(sv.common.cancel);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
  });

  it('when English was chosen on this device, then its strings are there before anything is drawn', async () => {
    window.localStorage.setItem(STORAGE_KEY, 'en');
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    await languageLoaded(i18n);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.t('common.cancel')).toBe(en.common.cancel);
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(false);
  });
});

/** Dotted paths of every string, e.g. `common.cancel`. */
function keysOf(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the languages', () => {
  // There is no fallback language (a reader's page fetches only their language's strings): a missing string would show its key.
  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('%s has every string Finnish has, and no other', (_language, strings) => {
    expect(keysOf(strings).sort()).toEqual(keysOf(fi).sort());
  });
});
