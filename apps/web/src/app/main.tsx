import '@mantine/core/styles.css';
import '../lib/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { currentUserQueryOptions } from '../features/auth/api/current-user.query';
import { createI18n, languageLoaded } from '../lib/i18n';
import { reloadOnStaleChunks } from '../lib/stale-release';
import { AppProviders, createAppQueryClient } from './providers';
import { appRoutes } from './routes';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

reloadOnStaleChunks();

const loadSocket = () => import('../lib/create-socket').then(({ createSocket }) => createSocket());
const i18n = createI18n();
const queryClient = createAppQueryClient();
// Who is signed in decides the first screen: asked at once, beside the strings and the screens' code.
void queryClient.prefetchQuery(currentUserQueryOptions());

// The router fetches the code of the address's screens as soon as it exists, beside the strings.
const router = createBrowserRouter(appRoutes);

// A Swedish or English reader's strings are fetched first: the page never shows Finnish to them.
void languageLoaded(i18n).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} i18n={i18n} socket={loadSocket}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});

// A printed plan shows everything: folded parts (earlier reviews, all progress entries) open for paper.
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details')) details.open = true;
});
