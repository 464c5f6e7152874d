import type { CatalogueService } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { buildCatalogueService, buildCurrentUser, testId } from './fixtures';
import { server } from './msw-server';

export const testAdmin = buildCurrentUser({
  id: testId(9),
  name: 'Ylläpitäjä Demo',
  email: 'admin@varkaus-demo.fi',
  role: 'admin',
});
export const testOrganisations = [
  { id: testId(20), name: 'Demo-hyvinvointialue' },
  { id: testId(21), name: 'Lapsikylä-demo ry' },
];

/** The catalogue the server holds: the tests' POST and PATCH handlers change it, as the server would. */
export function signedInAsAdmin(catalogue: CatalogueService[] = [buildCatalogueService()]) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(testAdmin)),
    http.get('/api/services', () => HttpResponse.json({ services: catalogue })),
    http.get('/api/organisations', () => HttpResponse.json({ organisations: testOrganisations })),
  );
  return catalogue;
}

/**
 * Makes the screen as narrow as a phone (390 px) for Mantine's media queries; returns the undo.
 * jsdom lays nothing out, so only what the components choose by the query changes.
 */
export function onAPhone(): () => void {
  const original = window.matchMedia;
  window.matchMedia = (query: string) => ({ ...original(query), matches: /max-width:\s*48em/.test(query) });
  return () => {
    window.matchMedia = original;
  };
}
