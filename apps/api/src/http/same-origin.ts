import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser names where a request comes from; a page on another site may not ride on the
 * user's cookie. Requests that name no origin (curl, server-to-server) are left to the cookie's
 * SameSite=Strict and to the JSON-only body rule.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** CSRF defence for cookie-authenticated writes. */
export const requireSameOriginWrites: RequestHandler = (req, _res, next) => {
  if (writeMethods.has(req.method) && !isSameOrigin(req)) {
    next(new AppError('forbidden', 'Cross-site requests cannot change anything here.'));
    return;
  }
  next();
};

/** Writes must send JSON: a cross-site form cannot, and a cross-site fetch with JSON needs a preflight we never grant. */
export const requireJsonWrites: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (writeMethods.has(req.method) && hasBody && !req.is('application/json')) {
    next(new AppError('unsupported_media_type', 'Send the request body as application/json.'));
    return;
  }
  next();
};
