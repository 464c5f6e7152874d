import type { ErrorCode } from '@yhdessa/shared';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { buildFamilyList } from './fixtures';
import { quietNotificationHandlers } from './notification-handlers';

/**
 * By default nothing is unread, a professional's family list is empty, and so are the workspace's
 * further actions (read again when a change makes the workspace stale). Tests of them replace
 * these with `server.use`.
 */
export const server = setupServer(
  ...quietNotificationHandlers,
  http.get('/api/families', () => HttpResponse.json(buildFamilyList([]))),
  http.get('/api/workspace/actions', () => HttpResponse.json({ actions: [], nextCursor: null, count: 0 })),
);

/** An API refusal exactly as the server's problem middleware writes it. */
export function problem(status: number, code: ErrorCode, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: `https://yhdessa.example/problems/${code}`, title: code, status, detail: `${code} (test)`, code, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
