import type { RequestHandler } from 'express';
import type { Health } from '@yhdessa/shared';
import type { Database } from '../../db/database';

/** Answers without a transaction or session: a load balancer calls it often. */
export function healthHandler(database: Database): RequestHandler {
  return async (_req, res) => {
    const up = await database.ping();
    const body: Health = { status: up ? 'ok' : 'unavailable', db: database.kind };
    res.status(up ? 200 : 503).json(body);
  };
}
