import type { EarlyReads } from '../lib/early-reads';

/** What the build tells the early-requests script (index-page.plugin.ts). */
export interface EarlyRequestSettings {
  /** Each language's strings chunk, by language code. */
  strings: Record<string, string>;
  /** The first signed-in screens' chunk, its imports and styles, outside the pages that stand alone. */
  firstScreens: string[];
  /** The pages that stand alone (sign-in, an invitation, the accessibility statement): no signed-in screen, no reads. */
  standalone: string[];
  /** Where the early reads are kept for the API client (lib/early-reads.ts). */
  readsKey: string;
}

/**
 * What index.html's page needs next after its entry, asked for beside the entry rather than once the
 * entry has come and run (on a slow line, the entry alone takes seconds):
 * - the strings of the reader's language, chosen as src/lib/i18n.ts chooses them (a choice kept on
 *   this device, else the first of the browser's languages we have, else Finnish), and, outside the
 *   pages that stand alone, the first signed-in screens' chunks with their styles;
 * - the first screen's first reads, answered by the time the entry runs: who is signed in; at `/`,
 *   their families, and for a family member with one family (who goes straight to its plan) the plan
 *   and what its home shows beside it; at a family's plan, the plan, and what a family member's home
 *   shows beside it. The same reads as app/screen-data.ts and the screens make, by the same
 *   addresses: the API client takes each answer once (lib/early-reads.ts) instead of asking again.
 *
 * The build writes this function's source into a classic script that runs before the entry (a
 * separate file, not an inline script: the API's content security policy allows only scripts from its
 * own origin), so it imports nothing but types and uses no name from outside its body.
 */
export function earlyRequests(settings: EarlyRequestSettings, page: Window): void {
  const { strings, firstScreens, standalone, readsKey } = settings;
  let language: string | null = null;
  try {
    language = page.localStorage.getItem('yhdessa.language');
  } catch {
    // Storage refused (a private window): the browser's languages decide.
  }
  if (language === null || !strings[language]) {
    const tags = page.navigator.languages?.length ? page.navigator.languages : [page.navigator.language];
    language = tags.map((tag) => String(tag).split('-')[0]!.toLowerCase()).find((code) => strings[code]) ?? 'fi';
  }
  const path = page.location.pathname;
  const alone = standalone.some((start) => path === start || path.startsWith(`${start}/`));

  const reads: EarlyReads['answers'] = {};
  let more: Promise<unknown> = Promise.resolve();
  const read = (address: string) => {
    const answer = page.fetch(address, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      ...(typeof AbortSignal.timeout === 'function' && { signal: AbortSignal.timeout(30_000) }),
    });
    reads[address] = answer;
    // Signed out, or not through the second factor yet: the screens that come next ask for themselves.
    answer
      .then((response) => {
        if (response.status === 401 || response.status === 403) for (const key of Object.keys(reads)) delete reads[key];
      })
      .catch(() => undefined);
    return answer;
  };
  /** The answer's JSON, read from a copy: the original stays whole for the API client. */
  const json = (answer: Promise<Response>): Promise<unknown> =>
    answer.then((response) => (response.ok ? response.clone().json() : null)).catch(() => null);
  const family = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}`;
  /** What a family member's home shows beside the plan (plan.route.tsx). */
  const readFamilyHome = (familyId: string, withFamilies: boolean) => {
    if (withFamilies) read('/api/families');
    read(`${family(familyId)}/feedback`);
    read(`${family(familyId)}/measurements`);
    read(`${family(familyId)}/notes?limit=20`);
    read(`${family(familyId)}/reviews`);
  };
  const isFamilyMember = (user: unknown) => (user as { role?: string } | null)?.role === 'family';

  if (!alone) {
    // Reads first: each is small, and on a slow line the chunks below keep the connections busy.
    const user = json(read('/api/auth/me'));
    const planOf = /^\/families\/([0-9a-f-]{36})$/.exec(path)?.[1];
    if (path === '/') {
      const families = json(read('/api/families'));
      more = Promise.all([user, families]).then(([me, list]) => {
        const [only, ...others] = (list as { families?: { id: string }[] } | null)?.families ?? [];
        if (!isFamilyMember(me) || !only || others.length > 0) return;
        read(`${family(only.id)}/plan`);
        readFamilyHome(only.id, false);
      });
    } else if (planOf) {
      read(`${family(planOf)}/plan`);
      more = user.then((me) => isFamilyMember(me) && readFamilyHome(planOf, true));
    }
  }
  const early: EarlyReads = { answers: reads, more };
  (page as unknown as Record<string, unknown>)[readsKey] = early;

  const files = [strings[language]!, ...(alone ? [] : firstScreens)];
  for (const file of files) {
    const link = page.document.createElement('link');
    if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    link.crossOrigin = '';
    link.fetchPriority = 'low';
    link.href = file;
    page.document.head.appendChild(link);
  }
}
