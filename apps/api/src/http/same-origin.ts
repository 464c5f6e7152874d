import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestHandler } from 'express';
import proxyAddr from 'proxy-addr';
import type { Config } from '../core/config';
import { AppError } from '../core/app-error';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Express's 'trust proxy' setting from `TRUST_PROXY`: none by default. */
export function trustedProxies(setting: string): boolean | number | string {
  if (setting === '' || setting === 'false') return false;
  if (setting === 'true') return true;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/** Says whether a request comes from a page of this origin: scheme, host and port. */
export type OriginCheck = (req: IncomingMessage) => boolean;

/**
 * A browser names where a request comes from; a page on another site may not ride on the
 * user's cookie. The origin must be this server's own (its scheme as the connection, or a
 * trusted proxy's X-Forwarded-Proto, says; its Host) or `PUBLIC_URL`'s. Requests that name no
 * origin (curl, server-to-server) are left to the cookie's SameSite=Strict and to the
 * JSON-only body rule.
 */
export function createOriginCheck(config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>): OriginCheck {
  const trusted = trustFunction(trustedProxies(config.TRUST_PROXY));
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  return (req) => {
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
    const origin = req.headers.origin;
    if (!origin) return true;
    let named: string;
    try {
      named = new URL(origin).origin;
    } catch {
      return false;
    }
    return named === publicOrigin || named === `${schemeOf(req, trusted)}://${req.headers.host}`;
  };
}

function schemeOf(req: IncomingMessage, trusted: (address: string, hop: number) => boolean): string {
  const own = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const forwarded = req.headers['x-forwarded-proto'];
  if (typeof forwarded !== 'string' || !trusted(req.socket.remoteAddress ?? '', 0)) return own;
  return forwarded.split(',')[0]!.trim().toLowerCase();
}

/** The 'trust proxy' setting as Express applies it: every hop, a hop count, or named addresses (proxy-addr). */
function trustFunction(setting: boolean | number | string): (address: string, hop: number) => boolean {
  if (typeof setting === 'boolean') return () => setting;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyAddr.compile(setting.split(',').map((part) => part.trim()));
}

/** CSRF defence for cookie-authenticated writes. */
export function requireSameOriginWrites(isSameOrigin: OriginCheck): RequestHandler {
  return (req, _res, next) => {
    if (writeMethods.has(req.method) && !isSameOrigin(req)) {
      next(new AppError('forbidden', 'Cross-site requests cannot change anything here.'));
      return;
    }
    next();
  };
}

/**
 * Writes must send JSON: a cross-site form cannot, and a cross-site fetch with JSON needs a
 * preflight we never grant. The one exception is `text/csv` to the routes that take a file
 * (`csvRoutes`, as `METHOD /path` below `/api`): a cross-site fetch with that type needs a
 * preflight too, and the same-origin check above refuses a page of another site anyway.
 */
export function requireJsonWrites(csvRoutes: ReadonlySet<string> = new Set()): RequestHandler {
  return (req, _res, next) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const csvAllowed = csvRoutes.has(`${req.method} ${req.path}`) && req.is('text/csv') !== false;
    if (writeMethods.has(req.method) && hasBody && !req.is('application/json') && !csvAllowed) {
      next(new AppError('unsupported_media_type', 'Send the request body as application/json.'));
      return;
    }
    next();
  };
}
