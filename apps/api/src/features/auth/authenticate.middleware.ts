import type { RequestHandler } from 'express';
import type { Database } from '../../db/database';
import type { RememberedSessions } from './remembered-sessions';
import { SESSION_COOKIE } from './session-token';

/** Lets each route look up the signed-in actor, if any, when it needs one; routes decide whether they do. */
export function authenticate(database: Database, sessions: RememberedSessions): RequestHandler {
  return (req, _res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length < 100)
      req.sessionActor = (options) => sessions.actorOf(database.db, token, options);
    next();
  };
}
