import type { Request, Response } from 'express';
import type { FamilyEvent, Role } from '@yhdessa/shared';
import type { ZodType } from 'zod';
import { type z } from 'zod';
import type { EventSubject } from '../core/event-subject';
import type { AccessBasis } from '../access/family-policy';
import type { FamilyRelation } from '../access/family-relation.repository';
import type { AuditEntry } from '../audit/audit.repository';
import type { Tx } from '../db/database';
import type { RealtimePublisher } from '../realtime/realtime-publisher';
import type { Actor } from '../core/actor';

/**
 * Who may call a route. Every route states one: the route table test fails on a route without
 * it, and `public` must say why.
 */
export type RouteAccess =
  | ({ kind: 'public'; why: string } & SecondFactorRule)
  | ({ kind: 'signed-in'; roles: readonly Role[] } & SecondFactorRule)
  /**
   * The route has `:familyId`; the caller needs a relationship to that family, else 404.
   * `handoverTarget` also lets in the coordinator a pending handover names, who sees nothing else;
   * `invitedService` a worker whose service is invited to the plan, who sees only the invitation.
   */
  | { kind: 'family'; handoverTarget?: true; invitedService?: true };

/**
 * A session that has not passed its second factor is refused everywhere (401
 * `second_factor_required`), and counts as nobody on public routes, unless the route says
 * `secondFactor: 'pending-ok'`: signing out, reading who you are, and passing the second factor.
 */
interface SecondFactorRule {
  secondFactor?: 'pending-ok';
}

export interface FamilyAccess {
  relation: FamilyRelation;
  basis: AccessBasis;
}

type ActorFor<A extends RouteAccess> = A extends { kind: 'public' } ? Actor | null : Actor;
type FamilyFor<A extends RouteAccess> = A extends { kind: 'family' } ? FamilyAccess : null;

export interface RouteContext<A extends RouteAccess> {
  actor: ActorFor<A>;
  family: FamilyFor<A>;
  /**
   * The request's transaction; everything a handler writes commits together with its audit. A
   * batched read has none: its queries run on the database, each seeing what was committed when it began.
   */
  tx: Tx;
  audit(entry: Omit<AuditEntry, 'actor'>): Promise<void>;
  /** Audits a refusal. It is written after the transaction rolls back, so throw right after. */
  auditRefusal(entry: Omit<AuditEntry, 'actor' | 'outcome'>): void;
  /** Work that must stick although the request fails (e.g. counting a failed sign-in). */
  afterRollback(work: (tx: Tx) => Promise<void>): void;
  /** Work for after the commit, such as closing the sockets of an ended session. */
  afterCommit(work: () => Promise<void>): void;
  /**
   * `read()`, or in a batched read its copy from memory, if one was read at the data versions of
   * `scopes` that are still current (the commit confirms it; see `ReadCommitQueue`). The value is
   * shared between requests and frozen: derive from it, never change it.
   */
  readThrough<T>(key: string, scopes: readonly string[], read: () => Promise<T>): Promise<T>;
  realtime: RealtimePublisher;
  /**
   * Records a change in the family's event log; after commit, the sockets that may see the item
   * hear of it (a note names its visibility and service role, see `eventRooms`).
   */
  recordFamilyEvent(event: Omit<FamilyEvent, 'seq'>, subject?: EventSubject): Promise<void>;
  req: Request;
  res: Response;
}

export interface RouteDefinition<
  A extends RouteAccess = RouteAccess,
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path below `/api`, e.g. `/families/:familyId/plan`. */
  path: string;
  summary: string;
  /** More than the summary says, for the OpenAPI document: e.g. a file's format and rules. */
  description?: string;
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The body's media type; JSON unless said. `csv` is for uploads of a table: the body is read as
   * `text/csv` (UTF-8) into a string that `body` (e.g. `z.string()`) parses, and nothing else is
   * accepted. Like JSON, a cross-site form cannot send it without a preflight we never grant.
   */
  bodyType?: 'json' | 'csv';
  response: { status: 200 | 201 | 204; schema: R; description: string };
  /**
   * The handler only reads (no writes, events, or after-commit work): it runs without a transaction
   * of its own, may use copies from memory (`readThrough`), and its audit joins a group commit
   * with other reads' before the answer leaves (see `runBatchedRead`). For hot reads.
   */
  batchedRead?: true;
  /** Error codes this route answers with beyond the common ones, for the OpenAPI document. */
  errors?: readonly number[];
  handler(input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> }, context: RouteContext<A>): Promise<z.infer<R>>;
}

/** Identity function that keeps the route's types tied together. */
export function defineRoute<
  A extends RouteAccess,
  P extends ZodType = z.ZodObject<Record<string, never>>,
  Q extends ZodType = z.ZodObject<Record<string, never>>,
  B extends ZodType = z.ZodObject<Record<string, never>>,
  R extends ZodType = z.ZodVoid,
>(route: RouteDefinition<A, P, Q, B, R>): RouteDefinition<A, P, Q, B, R> {
  return route;
}

export type AnyRoute = RouteDefinition<RouteAccess, ZodType, ZodType, ZodType, ZodType>;
