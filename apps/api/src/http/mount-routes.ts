import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { FamilyEvent } from '@yhdessa/shared';
import { z } from 'zod';
import type { EventSubject } from '../core/event-subject';
import { audienceSubject } from '../access/event-audience';
import { familyAccessBasis, opensCase } from '../access/family-policy';
import { findFamilyRelation } from '../access/family-relation.repository';
import { auditAnonymousDenial } from '../audit/anonymous-denials';
import { appendAuditEvent, appendAuditLinks, auditLinkCtes, chainedFieldsOf, type AuditEntry } from '../audit/audit.repository';
import type { ChainedFields } from '../audit/audit-hash';
import type { Database, Queryable, Tx } from '../db/database';
import { DIRECTORY_SCOPE, familyAccessScope, type VersionStamp } from '../db/data-versions';
import type { VersionedCache, VersionedCopy } from '../db/versioned-cache';
import { municipalityDate } from '../core/clock';
import { insertFamilyEvent, type AlongsideEvent } from '../realtime/family-events.repository';
import type { RealtimePublisher } from '../realtime/realtime-publisher';
import { AppError, notFound } from '../core/app-error';
import type { Actor } from '../core/actor';
import type { ReadCommitQueue } from './read-commits';
import { isDeadlock, UndoneWithGroup, type WriteCommitQueue } from './write-commits';
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

/** What requests share: reads their group commit and copies (see `RouteDefinition.batchedRead`), family writes theirs. */
export interface GroupedWork {
  commits: ReadCommitQueue;
  cache: VersionedCache;
  writes: WriteCommitQueue;
}

/** Mounts each route as the same chain: authenticate, validate, open a transaction, check access, handle, publish. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: RouteDependencies, shared: GroupedWork): void {
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
        const result = route.batchedRead
          ? await runBatchedRead(route, deps, shared, req, res)
          : await runRoute(route, deps, shared, req, res);
        if (route.response.status === 204) res.status(204).end();
        else res.status(route.response.status).json(result);
      },
    );
  }
}

/** The caller, held back where the route does not let them in; the input, validated. */
async function admit(route: AnyRoute, deps: RouteDependencies, req: Request, actor: Actor | null) {
  const admitted = secondFactorGate(route, actor);
  if (admitted) req.actor = admitted;
  if (route.access.kind !== 'public' && !admitted) {
    if (route.access.kind === 'family')
      await auditAnonymousDenial(deps.database, route, req).catch((error: unknown) =>
        req.log?.error({ err: error }, 'anonymous denial not audited'),
      );
    throw new AppError('unauthenticated', 'Sign in first.');
  }
  if (route.access.kind === 'signed-in' && !route.access.roles.includes(admitted!.role)) throw notFound('route');
  const input = {
    params: route.params ? parseRequestPart(route.params, req.params, 'params') : {},
    query: route.query ? parseRequestPart(route.query, req.query, 'query') : {},
    body: route.body ? parseRequestPart(route.body, req.body, 'body') : {},
  };
  return { actor: admitted, input };
}

/** A copy from memory (session or relationship) turned out stale inside a write's transaction: run again without. */
class StaleCopies extends Error {}

/**
 * A family route's session and relationship may come from memory: they are confirmed in the
 * route's own transaction, by its first event's statement or else one of their own at the end
 * (`ReadCommitQueue.copiesHold`), before anything of it commits or is answered; a stale copy rolls
 * the attempt back and runs it again from the database alone. (A write that changes the access it
 * was let in on therefore runs twice.) Its transaction commits with other family writes'
 * (`WriteCommitQueue`); undone with another's failure there, it runs again, guarded.
 */
async function runRoute(route: AnyRoute, deps: RouteDependencies, shared: GroupedWork, req: Request, res: Response) {
  if (route.access.kind !== 'family') return runRouteOnce(route, deps, req, res);
  let attempt: FamilyAttempt = { shared, fromMemory: true, guarded: false };
  for (;;) {
    try {
      return await runRouteOnce(route, deps, req, res, attempt);
    } catch (error) {
      // Each runs again at most once: a guarded write is not undone with others, and the database alone holds no stale copy.
      if (error instanceof UndoneWithGroup) attempt = { ...attempt, guarded: true };
      else if (attempt.fromMemory && (error instanceof StaleCopies || isDeadlock(error)))
        attempt = { ...attempt, fromMemory: false };
      else throw error;
    }
  }
}

/** A family route's attempt: its write joins the group commit, and the first attempt may use copies from memory. */
interface FamilyAttempt {
  shared: GroupedWork;
  fromMemory: boolean;
  /** Whether its group undoes a failed write alone (`WriteCommitQueue.run`). */
  guarded: boolean;
}

async function runRouteOnce(
  route: AnyRoute,
  deps: RouteDependencies,
  req: Request,
  res: Response,
  attempt?: FamilyAttempt,
): Promise<unknown> {
  const memory = attempt?.fromMemory ? attempt.shared : undefined;
  const transaction = <T>(work: (tx: Tx) => Promise<T>) =>
    attempt ? attempt.shared.writes.run(work, attempt.guarded) : deps.database.db.transaction(work);
  const session = (await req.sessionActor?.({ remembered: memory !== undefined })) ?? null;
  let record: ReadRecord | undefined;
  let confirmed = false;
  // Whether the attempt used something from memory that no statement has confirmed yet.
  const unconfirmed = () => !confirmed && (session?.remembered != null || (record?.usedKeys.length ?? 0) > 0);
  const committed: RecordedEvent[] = [];
  const afterCommit: Array<() => Promise<void>> = [];
  const rollbackWork: RollbackWork[] = [];
  try {
    const { actor, input } = await admit(route, deps, req, session?.actor ?? null);
    const auditRefusal = (entry: Omit<AuditEntry, 'actor' | 'outcome'>) =>
      rollbackWork.push((tx) => appendAuditEvent(tx, { ...entry, actor, outcome: 'denied' }));
    const result = await transaction(async (tx) => {
      record = memory && new ReadRecord(memory.cache, tx, true, true);
      const stamps = () => [...(session?.remembered?.stamps ?? []), ...(record?.stamps ?? [])];
      const rememberedSessionId = session?.remembered?.sessionId ?? null;
      const staleCopies = () => {
        for (const key of record?.usedKeys ?? []) memory?.cache.delete(key);
        return new StaleCopies();
      };
      const confirmCopies = async () => {
        if (!memory || !unconfirmed()) return;
        if (!(await memory.commits.confirm(tx, stamps(), rememberedSessionId))) throw staleCopies();
        confirmed = true;
      };
      // Decided on copies that are confirmed only later, in the write's last statement: until its
      // transaction (or its savepoint in a group) commits nothing of it is seen, and a stale copy undoes it.
      const family =
        route.access.kind === 'family' ? await requireFamilyAccess(tx, actor!, input.params, route, auditRefusal, record) : null;
      const pending: RecordedEvent[] = [];
      // Audit links wait for the change's event, or the handler's end, to be written with fewer round trips.
      const pendingLinks: ChainedFields[] = [];
      const appendPendingLinks = () => appendAuditLinks(tx, pendingLinks.splice(0));
      const context = {
        actor,
        family,
        tx,
        req,
        res,
        audit: async (entry) => void pendingLinks.push(chainedFieldsOf({ ...entry, actor })),
        auditRefusal,
        afterRollback: (work) => rollbackWork.push(work),
        afterCommit: (work) => afterCommit.push(work),
        readThrough: (_key, _scopes, read) => read(),
        realtime: deps.realtime,
        recordFamilyEvent: async (event, subject) => {
          // The change's audit link goes in the event's statement: one round trip for both.
          const alongside: AlongsideEvent = pendingLinks.length === 1 ? { ctes: auditLinkCtes(pendingLinks.pop()!) } : {};
          await appendPendingLinks();
          // So are the copies the write used: the first event's statement confirms them.
          if (memory && unconfirmed()) alongside.check = memory.commits.copiesHold(stamps(), rememberedSessionId);
          const { recorded, holds } = await insertFamilyEvent(tx, event, actor?.accountId ?? null, subject, alongside);
          if (!holds) throw staleCopies();
          if (alongside.check) confirmed = true;
          pending.push({ event: recorded, subject: subject && family ? audienceSubject(family.relation, subject) : subject });
          await deps.onFamilyEvent?.(recorded, context);
        },
      } as RouteContext<typeof route.access>;
      const output = await route.handler(input, context);
      await appendPendingLinks();
      await confirmCopies();
      committed.push(...pending);
      return output;
    });
    // The change is durable now; telling clients may fail without undoing it.
    record?.keepAfterCommit();
    for (const { event, subject } of committed)
      await deps.realtime
        .publishFamilyEvent(event, subject)
        .catch((error: unknown) => req.log?.error({ err: error }, 'publish failed'));
    for (const work of afterCommit)
      await work().catch((error: unknown) => req.log?.error({ err: error }, 'after-commit work failed'));
    return result;
  } catch (error) {
    // Nothing of the attempt stands: it runs again whole.
    if (error instanceof StaleCopies || error instanceof UndoneWithGroup) throw error;
    // A refusal decided on copies not yet confirmed stands if they still hold now (versions only move on).
    if (
      memory &&
      unconfirmed() &&
      !(await memory.commits.confirm(
        deps.database.db,
        [...(session?.remembered?.stamps ?? []), ...(record?.stamps ?? [])],
        session?.remembered?.sessionId ?? null,
      ))
    )
      throw new StaleCopies();
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

/** What a batched read took from memory, and whether it may: the first attempt may, a second reads everything afresh. */
class ReadRecord {
  readonly stamps: VersionStamp[] = [];
  readonly usedKeys: string[] = [];
  /** A write's reads, to keep once its transaction has committed (`VersionedCache.read`). */
  readonly #toKeep: Array<[key: string, copy: VersionedCopy]> = [];
  /** Versions this request has read: a later copy may take them (older stamps only make it look older). */
  readonly #readVersions = new Map<string, number>();

  constructor(
    private readonly cache: VersionedCache,
    private readonly db: Queryable,
    readonly fromMemory: boolean,
    /** Reads in a write's transaction, which may roll back: kept only by `keepAfterCommit`. */
    private readonly inWrite: boolean,
  ) {}

  async readThrough<T>(key: string, scopes: readonly string[], read: () => Promise<T>): Promise<T> {
    const hit = this.fromMemory ? this.cache.peek<T>(key) : undefined;
    if (hit) {
      this.stamps.push(...hit.stamps);
      this.usedKeys.push(key);
      return hit.value;
    }
    if (!this.inWrite) return this.cache.load(this.db, key, scopes, read, this.#readVersions);
    const entry = await this.cache.read(this.db, scopes, read, this.#readVersions);
    this.#toKeep.push([key, entry]);
    return entry.value;
  }

  /** Keeps what a write read, now that its transaction has committed. */
  keepAfterCommit(): void {
    for (const [key, copy] of this.#toKeep) this.cache.keep(key, copy);
  }
}

/**
 * A read that only reads (`batchedRead`): no transaction of its own, copies from memory where the
 * data versions allow, and its audit links committed with other reads' (see `ReadCommitQueue`)
 * before the answer leaves. When a copy or a remembered session turns out stale, the read runs
 * once more from the database alone.
 */
async function runBatchedRead(
  route: AnyRoute,
  deps: RouteDependencies,
  reads: GroupedWork,
  req: Request,
  res: Response,
): Promise<unknown> {
  for (const fromMemory of [true, false]) {
    const session = (await req.sessionActor?.({ remembered: fromMemory })) ?? null;
    const db = deps.database.db;
    const record = new ReadRecord(reads.cache, db, fromMemory, false);
    if (session?.remembered) record.stamps.push(...session.remembered.stamps);
    const links: ChainedFields[] = [];
    const audit = (entry: AuditEntry) => void links.push(chainedFieldsOf(entry));
    let outcome: { output: unknown } | { error: unknown };
    try {
      // A remembered actor is confirmed with the rest below, so even a refusal waits for it.
      const { actor, input } = await admit(route, deps, req, session?.actor ?? null);
      const auditRefusal = (entry: Omit<AuditEntry, 'actor' | 'outcome'>) => audit({ ...entry, actor, outcome: 'denied' });
      const family =
        route.access.kind === 'family' ? await requireFamilyAccess(db, actor!, input.params, route, auditRefusal, record) : null;
      const context = {
        actor,
        family,
        // Typed as a transaction for the handlers that write; a batched read only reads through it.
        tx: db as unknown as Tx,
        req,
        res,
        audit: async (entry) => audit({ ...entry, actor }),
        auditRefusal,
        afterRollback: () => {
          throw new Error(`${route.path}: a batched read has no rollback work`);
        },
        afterCommit: () => {
          throw new Error(`${route.path}: a batched read has no after-commit work`);
        },
        readThrough: (key, scopes, read) => record.readThrough(key, scopes, read),
        realtime: deps.realtime,
        recordFamilyEvent: () => {
          throw new Error(`${route.path}: a batched read records no family events`);
        },
      } as RouteContext<typeof route.access>;
      outcome = { output: await route.handler(input, context) };
    } catch (error) {
      outcome = { error };
    }
    const fresh = await reads.commits.commit({
      links,
      stamps: record.stamps,
      rememberedSessionId: session?.remembered?.sessionId ?? null,
    });
    if (fresh) {
      if ('error' in outcome) throw outcome.error;
      return outcome.output;
    }
    for (const key of record.usedKeys) reads.cache.delete(key);
  }
  throw new Error(`${route.path}: a read from the database alone did not hold`);
}

const relationScopes = (familyId: string) => [familyAccessScope(familyId), DIRECTORY_SCOPE];

async function requireFamilyAccess(
  db: Queryable,
  actor: Actor,
  params: unknown,
  route: AnyRoute,
  auditRefusal: (entry: Omit<AuditEntry, 'actor' | 'outcome'>) => void,
  record?: ReadRecord,
): Promise<FamilyAccess> {
  const { familyId } = familyIdParam.parse(params);
  const relation = record
    ? await record.readThrough(`relation:${actor.accountId}:${familyId}:${municipalityDate()}`, relationScopes(familyId), () =>
        findFamilyRelation(familyId, actor, db),
      )
    : await findFamilyRelation(familyId, actor, db);
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
