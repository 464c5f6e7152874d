import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger, LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';

/** A request id a proxy in front passed on (nginx's `$request_id`, say); anything else is replaced. */
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Invitation and password-reset tokens are 43 characters of base64url; a segment that long and opaque is hidden. */
const OPAQUE = /^[A-Za-z0-9_-]{32,}$/;

/**
 * One line per request: method, route pattern, status, time, request id and the account id of
 * whoever made it. Nothing else of the request is logged: no headers (cookies, authorization,
 * referer), no query string, no body, no names or addresses.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: requestId,
    customLogLevel: requestLevel,
    customSuccessObject: (req, res, { responseTime }: { responseTime: number }) => requestFields(req, res, responseTime),
    customErrorObject: (req, res, _error, { responseTime }: { responseTime: number }) => requestFields(req, res, responseTime),
    customSuccessMessage: requestMessage,
    // pino-http passes the time as a fourth argument that its types leave out.
    customErrorMessage: (req, res, _error, responseTime?: number) => requestMessage(req, res, responseTime),
    // Should anything log a request or response object after all, only this much of it is written.
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: loggedPath(req as Request) }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
  });
}

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const forwarded = req.headers['x-request-id'];
  const id = typeof forwarded === 'string' && FORWARDED_REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

function requestFields(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  const request = req as Request;
  return {
    method: request.method,
    path: loggedPath(request),
    status: res.statusCode,
    responseTime,
    actor: request.actor?.accountId,
  };
}

function requestMessage(req: IncomingMessage, res: ServerResponse, responseTime?: number): string {
  const time = responseTime === undefined ? '' : ` ${responseTime}ms`;
  return `${req.method} ${loggedPath(req as Request)} ${res.statusCode}${time}`;
}

/** Health checks and static files are at debug: at info a person watching sees only what people did. */
function requestLevel(req: IncomingMessage, res: ServerResponse, error?: Error): LevelWithSilent {
  if (error || res.statusCode >= 500) return 'error';
  return isRoutine(loggedPath(req as Request), res.statusCode) ? 'debug' : 'info';
}

function isRoutine(path: string, status: number): boolean {
  if (path === '/api/health') return true;
  const staticFile = !path.startsWith('/api/') && (path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(path));
  return staticFile && status < 400;
}

/**
 * The route's pattern (`/api/families/:familyId/plan`) when an API route answered; otherwise the
 * path without its query string, with ids and token-like segments replaced: a mailed link
 * (`/kutsu/<token>`) is opened as a page of the web client, and its token is a key to an account.
 */
export function loggedPath(req: Request): string {
  if (req.routePattern) return req.routePattern;
  const path = (req.originalUrl ?? req.url ?? '').split(/[?#]/, 1)[0] ?? '';
  return path
    .split('/')
    .map((segment, index, segments) => {
      if (UUID.test(segment)) return ':id';
      if (OPAQUE.test(segment) || (segments[index - 1] === 'kutsu' && segment !== '')) return ':token';
      return segment;
    })
    .join('/');
}
