/**
 * The build's server-side entry (vite.config.ts renders it once per language): the sign-in page as
 * HTML, for a browser without a session to paint before any JavaScript has arrived. The browser's
 * first render of the same address gives the same tree (main.tsx), so it hydrates this HTML.
 */
import { languages, type Language } from '@yhdessa/shared';
import i18next, { type ResourceKey } from 'i18next';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { queryKeys } from '../lib/query-keys';
import { createQueryClient } from '../lib/query-client';
import { pageTitle } from '../lib/page-title';
import { paths } from '../lib/paths';
import en from '../locales/en.json';
import fi from '../locales/fi.json';
import sv from '../locales/sv.json';
import { AppRoot, routerReady } from './app-root';
import { createAppRoutes } from './routes';

const strings: Record<Language, ResourceKey> = { fi, sv, en };

/** The languages there is a pre-rendered page in. */
export const prerenderedLanguages = languages;

export interface PrerenderedPage {
  /** The markup inside #root. */
  html: string;
  /** The page's title, as the screen sets it once it runs. */
  title: string;
}

/** The sign-in page in one language, as for someone who is not signed in (the server sends it only to a browser without a session). */
export async function renderSignIn(language: Language): Promise<PrerenderedPage> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { fi: { translation: fi }, [language]: { translation: strings[language] } },
    lng: language,
    fallbackLng: 'fi',
    interpolation: { escapeValue: false },
  });
  const queryClient = createQueryClient();
  queryClient.setQueryData(queryKeys.currentUser, null);
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [paths.signIn] });
  await routerReady(router);
  const html = renderToString(
    <AppRoot router={router} queryClient={queryClient} i18n={i18n} socket={() => new Promise(() => {})} />,
  );
  router.dispose();
  return { html, title: pageTitle(i18n.t('signIn.title')) };
}
