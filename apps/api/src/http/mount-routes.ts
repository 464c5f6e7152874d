import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { FamilyEvent } from '@yhdessa/shared';
import { z } from 'zod';
import type { EventSubject } from '../core/event-subject';
import { audienceSubject } from '../access/event-audience';
import { familyAccessBasis, opensCase } from '../access/family-policy';
import { findFamilyRelation } from '../access/family-relation.repository';
import { auditAnonymousDenial } from '../audit/anonymous-denials';
import { appendAuditEvent, type AuditEntry } from '../audit/audit.repository';
import type { Database, Tx } from '../db/database';
import { insertFamilyEvent } from '../realtime/family-events.repository';
import type { RealtimePublisher } from '../realtime/realtime-publisher';
import { AppError, notFound } from '../core/app-error';
import type { Actor } from '../core/actor';
import type { AnyRoute, FamilyAccess, RouteAccess, RouteContext } from './route';
import { requireBodyType } from './same-origin';
import { parseRequestPart } from './validation';

export interface RouteDependencies {
  database: Database;
  realtime: RealtimePublisher;
  /** Work each recorded family event sets off in the same transaction (the composition root passes notifications). */
  onFamilyEvent?: FamilyEventListener;
}

export type FamilyEventListener = (event: FamilyEvent, context: RouteContext<RouteAccess>) => Promise<void>;

type RollbackWork = (tx: Tx) => Promise<void>;
interface RecordedEvent {
  event: FamilyEvent;
  subject?: EventSubject;
}

const familyIdParam = z.object({ familyId: z.uuid() });

/** JSON bodies are parsed for the whole API in app.ts; a CSV file only on the routes that take one. */
const bodyReaders: Record<'json' | 'csv', RequestHandler[]> = {
  json: [requireBodyType('json')],
  csv: [requireBodyType('csv'), express.text({ type: 'text/csv', limit: '1mb', defaultCharset: 'utf-8' })],
};

/** Mounts each route as the same chain: authenticate, validate, open a transaction, check access, handle, publish. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: RouteDependencies): void {
  for (const route of routes) {
    const namePattern: RequestHandler = (req, _res, next) => {
      req.routePattern = req.baseUrl + route.path;
      next();
    };
    router[route.method](
      route.path,
      namePattern,
      ...bodyReaders[route.bodyType ?? 'json'],
      async (req: Request, res: Response) => {
        const result = await runRoute(route, deps, req, res);
        if (route.response.status === 204) res.status(204).end();
        else res.status(route.response.status).json(result);
      },
    );
  }
}

async function runRoute(route: AnyRoute, deps: RouteDependencies, req: Request, res: Response): Promise<unknown> {
  const actor = secondFactorGate(route, req.actor ?? null);
  if (route.access.kind !== 'public' && !actor) {
    if (route.access.kind === 'family')
      await auditAnonymousDenial(deps.database, route, req).catch((error: unknown) =>
        req.log?.error({ err: error }, 'anonymous denial not audited'),
      );
    throw new AppError('unauthenticated', 'Sign in first.');
  }
  if (route.access.kind === 'signed-in' && !route.access.roles.includes(actor!.role)) throw notFound('route');

  const input = {
    params: route.params ? parseRequestPart(route.params, req.params, 'params') : {},
    query: route.query ? parseRequestPart(route.query, req.query, 'query') : {},
    body: route.body ? parseRequestPart(route.body, req.body, 'body') : {},
  };
  const committed: RecordedEvent[] = [];
  const afterCommit: Array<() => Promise<void>> = [];
  const rollbackWork: RollbackWork[] = [];
  const auditRefusal = (entry: Omit<AuditEntry, 'actor' | 'outcome'>) =>
    rollbackWork.push((tx) => appendAuditEvent(tx, { ...entry, actor, outcome: 'denied' }));
  try {
    const result = await deps.database.db.transaction(async (tx) => {
      const family =
        route.access.kind === 'family' ? await requireFamilyAccess(tx, actor!, input.params, route, auditRefusal) : null;
      const pending: RecordedEvent[] = [];
      const context = {
        actor,
        family,
        tx,
        req,
        res,
        audit: (entry) => appendAuditEvent(tx, { ...entry, actor }),
        auditRefusal,
        afterRollback: (work) => rollbackWork.push(work),
        afterCommit: (work) => afterCommit.push(work),
        realtime: deps.realtime,
        recordFamilyEvent: async (event, subject) => {
          const recorded = await insertFamilyEvent(tx, event, actor?.accountId ?? null, subject);
          pending.push({ event: recorded, subject: subject && family ? audienceSubject(family.relation, subject) : subject });
          await deps.onFamilyEvent?.(recorded, context);
        },
      } as RouteContext<typeof route.access>;
      const output = await route.handler(input, context);
      committed.push(...pending);
      return output;
    });
    // The change is durable now; telling clients may fail without undoing it.
    for (const { event, subject } of committed)
      await deps.realtime
        .publishFamilyEvent(event, subject)
        .catch((error: unknown) => req.log?.error({ err: error }, 'publish failed'));
    for (const work of afterCommit)
      await work().catch((error: unknown) => req.log?.error({ err: error }, 'after-commit work failed'));
    return result;
  } catch (error) {
    if (rollbackWork.length > 0) {
      await deps.database.db.transaction(async (tx) => {
        for (const work of rollbackWork) await work(tx);
      });
    }
    throw error;
  }
}

/** The one place a session still waiting for its second factor is held back (see `RouteAccess`). */
function secondFactorGate(route: AnyRoute, actor: Actor | null): Actor | null {
  if (!actor || actor.secondFactor === 'done') return actor;
  if (route.access.kind !== 'family' && route.access.secondFactor === 'pending-ok') return actor;
  if (route.access.kind === 'public') return null;
  throw new AppError(
    'second_factor_required',
    actor.secondFactor === 'enrol'
      ? 'Set up the authenticator app to finish signing in.'
      : 'Enter the code from the authenticator app to finish signing in.',
  );
}

async function requireFamilyAccess(
  tx: Tx,
  actor: Actor,
  params: unknown,
  route: AnyRoute,
  auditRefusal: (entry: Omit<AuditEntry, 'actor' | 'outcome'>) => void,
): Promise<FamilyAccess> {
  const { familyId } = familyIdParam.parse(params);
  const relation = await findFamilyRelation(familyId, actor, tx);
  const basis = relation && familyAccessBasis(actor, relation);
  const handoverTargetLetIn = route.access.kind === 'family' && route.access.handoverTarget === true;
  const invitedServiceLetIn = route.access.kind === 'family' && route.access.invitedService === true;
  const letIn =
    opensCase(basis) ||
    (basis === 'handover-target' && handoverTargetLetIn) ||
    (basis === 'invited-service' && invitedServiceLetIn);
  if (relation && basis && letIn) return { relation, basis };
  auditRefusal({
    familyId: relation ? familyId : null,
    action: route.method === 'get' ? 'read' : 'update',
    resource: route.tag,
    resourceId: familyId,
    basis: relation ? 'no relationship to the family' : 'no such family',
  });
  throw notFound('family');
}
