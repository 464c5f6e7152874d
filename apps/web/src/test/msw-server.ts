import type { ErrorCode } from '@yhdessa/shared';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { quietNotificationHandlers } from './notification-handlers';

export const server = setupServer(...quietNotificationHandlers);

/** An API refusal exactly as the server's problem middleware writes it. */
export function problem(status: number, code: ErrorCode, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: `https://yhdessa.example/problems/${code}`, title: code, status, detail: `${code} (test)`, code, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
