import { configure, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { EARLY_READS_KEY, dropEarlyReads, type EarlyReads } from '../lib/early-reads';
import { buildCurrentUser, buildPlan, familyId } from '../test/fixtures';
import { problem, server } from '../test/msw-server';
import { planPartHandlers } from '../test/plan-handlers';
import { earlyRequests, type EarlyRequestSettings } from './early-requests';
import { renderApp } from './testing/render-app';

// The whole plan screen is large: on a busy two-core machine its first render takes seconds.
configure({ asyncUtilTimeout: 10_000 });

const settings: EarlyRequestSettings = {
  strings: { fi: '/assets/fi.js', sv: '/assets/sv.js', en: '/assets/en.js' },
  firstScreens: ['/assets/first-screens.js'],
  standalone: ['/sign-in'],
  readsKey: EARLY_READS_KEY,
};

/** The script as the build writes it: the function's source alone, with nothing of this module around it. */
const script = new Function(`return ${earlyRequests.toString()}`)() as typeof earlyRequests;

/** The API reads (method, path and query) asked for while `run` runs. */
async function readsDuring(run: () => Promise<void>): Promise<string[]> {
  const reads: string[] = [];
  const record = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) reads.push(`${request.method} ${url.pathname}${url.search}`);
  };
  server.events.on('request:start', record);
  try {
    await run();
  } finally {
    server.events.removeListener('request:start', record);
  }
  return reads;
}

function runScriptAt(path: string): EarlyReads {
  window.history.replaceState(null, '', path);
  script(settings, window);
  return (window as unknown as Record<string, EarlyReads>)[EARLY_READS_KEY]!;
}

function signedInAs(role: 'family' | 'coordinator') {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role }))),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan({}, role))),
    ...planPartHandlers(),
  );
}

afterEach(() => {
  dropEarlyReads();
  document.head.querySelectorAll('link').forEach((link) => link.remove());
  window.history.replaceState(null, '', '/');
});

describe('the early requests', () => {
  it('when a family member with one family opens /, then their home is read before the entry comes, and the app asks for none of it again', async () => {
    signedInAs('family');
    let reads!: EarlyReads;
    const early = await readsDuring(async () => {
      reads = runScriptAt('/');
      await reads.more;
    });
    expect(early.sort()).toEqual(
      [
        'GET /api/auth/me',
        'GET /api/families',
        `GET /api/families/${familyId}/plan`,
        `GET /api/families/${familyId}/feedback`,
        `GET /api/families/${familyId}/measurements`,
        `GET /api/families/${familyId}/notes?limit=20`,
        `GET /api/families/${familyId}/reviews`,
      ].sort(),
    );

    const byApp = await readsDuring(async () => {
      renderApp('/');
      await screen.findByRole('tabpanel', { name: 'Mitä seuraavaksi' });
    });
    expect(byApp.filter((read) => early.includes(read))).toEqual([]);
    expect(Object.keys(reads.answers)).toEqual([]);
  });

  it("when a coordinator opens a family's plan, then who is signed in and the plan are read early, and nothing of a family member's home", async () => {
    signedInAs('coordinator');
    const early = await readsDuring(async () => {
      await runScriptAt(`/families/${familyId}`).more;
    });
    expect(early.sort()).toEqual(['GET /api/auth/me', `GET /api/families/${familyId}/plan`]);

    const byApp = await readsDuring(async () => {
      renderApp(`/families/${familyId}`);
      await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' });
    });
    expect(byApp.filter((read) => early.includes(read))).toEqual([]);
  });

  it('when nobody is signed in, then the early answers are dropped: the screens that come next ask for themselves', async () => {
    server.use(http.get('/api/auth/me', () => problem(401, 'unauthenticated')));
    const reads = runScriptAt('/');
    await reads.more;
    // The refusal's own handler has run once the answer is in.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Object.keys(reads.answers)).toEqual([]);
  });

  it("when a page stands alone, then it reads nothing early, and only the strings of the browser's language are asked for", async () => {
    const early = await readsDuring(async () => {
      await runScriptAt('/sign-in').more;
    });
    expect(early).toEqual([]);
    const preloads = [...document.head.querySelectorAll('link')].map((link) => link.getAttribute('href'));
    // jsdom's browser speaks en-US.
    expect(preloads).toEqual(['/assets/en.js']);
  });

  it('when a language was chosen on this device, then its strings are asked for with the first screens', () => {
    window.localStorage.setItem('yhdessa.language', 'sv');
    try {
      runScriptAt('/');
      const preloads = [...document.head.querySelectorAll('link')].map((link) => [link.rel, link.getAttribute('href')]);
      expect(preloads).toEqual([
        ['modulepreload', '/assets/sv.js'],
        ['modulepreload', '/assets/first-screens.js'],
      ]);
    } finally {
      window.localStorage.removeItem('yhdessa.language');
    }
  });
});
