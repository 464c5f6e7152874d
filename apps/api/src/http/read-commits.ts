import { sql, type SQL } from 'drizzle-orm';
import { appendAuditLink, appendRequestLinksCtes } from '../audit/audit.repository';
import type { ChainedFields } from '../audit/audit-hash';
import { queryRows, type Database, type Queryable } from '../db/database';
import { dataVersionsOf, type VersionStamp } from '../db/data-versions';

/** What a read asks of the commit: its audit links, the versions its copies were read at, and a remembered session. */
export interface ReadCommit {
  links: ChainedFields[];
  stamps: readonly VersionStamp[];
  /** A session taken from memory: it must still be live in the database. */
  rememberedSessionId: string | null;
}

/** A query for the ids (column `id`) of the given sessions that are still live (not ended, expired, idle or disabled). */
export type LiveSessions = (sessionIds: readonly string[]) => SQL;

interface Waiting {
  commit: ReadCommit;
  resolve(fresh: boolean): void;
  reject(error: unknown): void;
}

/** Enough to share one commit widely, small enough that a batch's statements stay short. */
const MAX_BATCH = 64;

/**
 * Group commit for reads. A read's answer may leave only once its audit links are committed; the
 * reads that finish while a commit is running wait together for the next one, so one statement
 * audits many. The same statement confirms what each read took from memory: the data versions
 * its copies were read at, and its session. A read whose copies went stale is not audited and
 * hears `false`: it reads again from the database and commits anew, so no answer is older than a
 * change acknowledged before the read began, whichever instance made it.
 */
export class ReadCommitQueue {
  readonly #database: Database;
  readonly #liveSessions: LiveSessions;
  #waiting: Waiting[] = [];
  #draining = false;

  constructor(database: Database, liveSessions: LiveSessions) {
    this.#database = database;
    this.#liveSessions = liveSessions;
  }

  /** Resolves true once the links are committed; false when a copy or the session no longer holds (nothing written). */
  commit(commit: ReadCommit): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ commit, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  /**
   * The same check as a group commit's, for one request, as a boolean expression a write's own
   * statement can carry (`insertFamilyEvent`'s `check`): whether the copies' data versions are
   * current and the remembered session is live, in the snapshot of the statement it is part of.
   */
  copiesHold(stamps: readonly VersionStamp[], rememberedSessionId: string | null): SQL<boolean> {
    const liveSession = rememberedSessionId === null ? sql`true` : sql`exists (${this.#liveSessions([rememberedSessionId])})`;
    return sql<boolean>`(not exists (
        select 1 from unnest(${sql.param(stamps.map(([scope]) => scope))}::text[],
          ${sql.param(stamps.map(([, version]) => version))}::bigint[]) as s(scope, version)
        left join data_versions v on v.scope = s.scope
        where coalesce(v.version, 0) <> s.version) and ${liveSession})`;
  }

  /** `copiesHold` as a statement of its own. */
  async confirm(db: Queryable, stamps: readonly VersionStamp[], rememberedSessionId: string | null): Promise<boolean> {
    const [row] = await queryRows<{ holds: boolean }>(db, sql`select ${this.copiesHold(stamps, rememberedSessionId)} as holds`);
    return row?.holds === true;
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    // Reads finishing in this turn of the event loop join the first commit.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#waiting.length > 0) await this.#commitBatch(this.#waiting.splice(0, MAX_BATCH));
    this.#draining = false;
  }

  async #commitBatch(batch: Waiting[]): Promise<void> {
    try {
      const { fresh, unchained, links } = await commitInOneStatement(this.#database.db, batch, this.#liveSessions);
      // Chains with no head yet (a family's very first audit link): the one-link path, committed before any answer.
      for (const ord of unchained) await appendAuditLink(this.#database.db, links[ord]!.fields);
      batch.forEach((waiting, index) => waiting.resolve(fresh.has(index)));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}

/**
 * The whole group commit in one statement, so one round trip: which reads still hold (the data
 * versions and sessions they relied on), and the audit links of those appended to their locked
 * chains (`appendRequestLinksCtes`). The versions are read as of the statement's start, after
 * every read of the batch began; a change still holding a head lock commits after that, so no
 * read it could make stale had been answered yet.
 */
async function commitInOneStatement(db: Queryable, batch: Waiting[], liveSessions: LiveSessions) {
  const links = batch.flatMap(({ commit }, request) => commit.links.map((fields) => ({ request, fields })));
  const stamps = batch.flatMap(({ commit }, request) => commit.stamps.map(([scope, version]) => ({ request, scope, version })));
  const scopes = [...new Set(stamps.map((stamp) => stamp.scope))];
  const sessionIds = [...new Set(batch.flatMap(({ commit }) => commit.rememberedSessionId ?? []))];
  const fresh = sql`
    select r.request from unnest(${sql.param(batch.map((_, request) => request))}::int[],
      ${sql.param(batch.map(({ commit }) => commit.rememberedSessionId))}::text[]) as r(request, session_id)
    where (r.session_id is null or r.session_id in (select id from live_sessions))
      and not exists (
        select 1 from unnest(${sql.param(stamps.map((stamp) => stamp.request))}::int[],
          ${sql.param(stamps.map((stamp) => stamp.scope))}::text[], ${sql.param(stamps.map((stamp) => stamp.version))}::bigint[])
          as s(request, scope, version)
        left join current_versions v on v.scope = s.scope
        where s.request = r.request and coalesce(v.version, 0) <> s.version)`;
  const rows = await queryRows<{ kind: 'fresh' | 'unchained'; value: number }>(
    db,
    sql`with recursive current_versions as (${dataVersionsOf(scopes)}), live_sessions as (${liveSessions(sessionIds)}),
      ${appendRequestLinksCtes(links, fresh)}
      select 'fresh' as kind, request as value from admitted_requests
      union all select 'unchained', ord from audit_unchained`,
  );
  return {
    fresh: new Set(rows.filter((row) => row.kind === 'fresh').map((row) => row.value)),
    unchained: rows.filter((row) => row.kind === 'unchained').map((row) => row.value),
    links,
  };
}
