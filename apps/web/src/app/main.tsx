import '@mantine/core/styles.css';
import '../lib/app.css';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { currentUserQueryOptions } from '../features/auth/api/current-user.query';
import { dropEarlyReads } from '../lib/early-reads';
import { firstScreenDrawn } from '../lib/first-screen';
import { createI18n, isLanguage, languageLoaded } from '../lib/i18n';
import { prepareDateFormats } from '../lib/locale';
import { paths } from '../lib/paths';
import { queryKeys } from '../lib/query-keys';
import { reloadOnStaleChunks } from '../lib/stale-release';
import { AppRoot, routerReady } from './app-root';
import { createAppQueryClient } from './providers';
import { createAppRoutes } from './routes';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The server sends the sign-in page as HTML (prerender.tsx) only to a browser without a session.
const prerenderedLanguage = root.dataset.prerendered === 'sign-in' ? root.dataset.language : undefined;

reloadOnStaleChunks();
void firstScreenDrawn.then(dropEarlyReads);

// socket.io's code waits until the first screen is drawn: a missed change is replayed on joining a family's room.
const loadSocket = () => firstScreenDrawn.then(() => import('../lib/create-socket')).then(({ createSocket }) => createSocket());
const i18n = createI18n();
const queryClient = createAppQueryClient();
// Who is signed in decides the first screen: asked at once, beside the strings and the screens' code.
void queryClient.prefetchQuery(currentUserQueryOptions());

// The router fetches the code of the address's screens as soon as it exists, beside the strings.
const router = createBrowserRouter(createAppRoutes(queryClient));

/**
 * The pre-rendered form is taken over as it is only when this render gives the same page: the
 * same language, and the sign-in page without a message carried from an earlier screen. Otherwise
 * the page is rendered anew (its HTML is replaced), never hydrated into a mismatch.
 */
function takesOverPrerendered(): boolean {
  const { location } = router.state;
  return prerenderedLanguage === i18n.language && location.pathname === paths.signIn && location.state == null;
}

// A signed-in screen's date formatters are made while its data and code are on their way (lib/locale.ts),
// in a task of their own.
if (router.state.location.pathname !== paths.signIn) {
  setTimeout(() => prepareDateFormats(isLanguage(i18n.language) ? i18n.language : 'fi'));
}

// The reader's strings are fetched first: the page never shows keys or another language.
// The first render and the taking over of the pre-rendered form are transitions: React yields to the
// browser every few milliseconds (input, painting) rather than holding the main thread until done.
void languageLoaded(i18n).finally(async () => {
  const app = <AppRoot router={router} queryClient={queryClient} i18n={i18n} socket={loadSocket} />;
  if (!takesOverPrerendered()) {
    startTransition(() => createRoot(root).render(app));
    return;
  }
  // The server saw no session: the form stays as pre-rendered while the answer to "who is signed in"
  // is on its way (it replaces this guess when it comes: signed in in another tab, the page moves on).
  if (queryClient.getQueryData(queryKeys.currentUser) === undefined) queryClient.setQueryData(queryKeys.currentUser, null);
  await routerReady(router);
  startTransition(() => {
    hydrateRoot(root, app);
  });
});

// A printed plan shows everything: folded parts (earlier reviews, all progress entries) open for paper.
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details')) details.open = true;
});
