import type { RequestHandler } from 'express';
import type { Database } from '../../db/database';
import { resolveSessionActor, type SessionPolicy } from './session.service';
import { SESSION_COOKIE } from './session-token';

/** Attaches the signed-in actor, if any; routes decide whether they need one. */
export function authenticate(database: Database, policy: SessionPolicy): RequestHandler {
  return async (req, _res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length < 100) {
      const actor = await resolveSessionActor(database.db, token, policy);
      if (actor) req.actor = actor;
    }
    next();
  };
}
