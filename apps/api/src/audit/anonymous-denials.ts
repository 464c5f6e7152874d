import type { Request } from 'express';
import { ipKeyGenerator, MemoryStore, type Options } from 'express-rate-limit';
import { z } from 'zod';
import type { Database } from '../db/database';
import { appendAuditEvent } from './audit.repository';

/** What the log says of the route that refused. */
interface DeniedRoute {
  method: string;
  path: string;
  tag: string;
}

/**
 * Each address gets this many audited anonymous denials a minute, and one more row saying the rest
 * of the minute goes unrecorded: enough to see probing, too few to flood the log.
 */
export const AUDITED_ANONYMOUS_DENIALS_PER_MINUTE = 30;

const familyIdParam = z.object({ familyId: z.uuid() });
const perAddress = new MemoryStore();
perAddress.init({ windowMs: 60_000 } as Options);

/**
 * Someone without a session asked for a family's data: a denial in the system chain, naming the
 * id asked for without looking it up, so anonymous callers never write into a family's own chain
 * and the answer cannot depend on whether the family exists.
 */
export async function auditAnonymousDenial(database: Database, route: DeniedRoute, req: Request): Promise<void> {
  const { totalHits } = await perAddress.increment(ipKeyGenerator(req.ip ?? 'unknown'));
  if (totalHits > AUDITED_ANONYMOUS_DENIALS_PER_MINUTE + 1) return;
  const asked = familyIdParam.safeParse(req.params);
  await database.db.transaction((tx) =>
    appendAuditEvent(tx, {
      actor: null,
      familyId: null,
      action: route.method === 'get' ? 'read' : 'update',
      resource: route.tag,
      resourceId: asked.success ? asked.data.familyId : null,
      outcome: 'denied',
      basis:
        totalHits > AUDITED_ANONYMOUS_DENIALS_PER_MINUTE
          ? 'not signed in; further attempts from this address this minute are not recorded'
          : 'not signed in',
      detail: { route: `${route.method.toUpperCase()} ${route.path}` },
    }),
  );
}
