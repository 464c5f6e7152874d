import { sql, type SQL } from 'drizzle-orm';
import { appendAuditEvents, lockedChainHeads } from '../audit/audit.repository';
import type { ChainedFields } from '../audit/audit-hash';
import { queryRows, type Database, type Tx } from '../db/database';
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
 * reads that finish while a commit is running wait together for the next one, so one transaction
 * audits many. The same transaction confirms what each read took from memory: the data versions
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

  async #drain(): Promise<void> {
    this.#draining = true;
    // Reads finishing in this turn of the event loop join the first commit.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#waiting.length > 0) await this.#commitBatch(this.#waiting.splice(0, MAX_BATCH));
    this.#draining = false;
  }

  async #commitBatch(batch: Waiting[]): Promise<void> {
    try {
      const verdicts = await this.#database.db.transaction(async (tx) => {
        const { heads, versions, liveSessions } = await lockAndConfirm(tx, batch, this.#liveSessions);
        const fresh = batch.map(
          ({ commit }) =>
            commit.stamps.every(([scope, version]) => (versions.get(scope) ?? 0) === version) &&
            (commit.rememberedSessionId === null || liveSessions.has(commit.rememberedSessionId)),
        );
        await appendAuditEvents(
          tx,
          batch.flatMap(({ commit }, index) => (fresh[index] ? commit.links : [])),
          heads,
        );
        return fresh;
      });
      batch.forEach((waiting, index) => waiting.resolve(verdicts[index]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}

/**
 * One statement: locks the heads of the batch's audit chains and reads the data versions and
 * sessions its reads relied on. The versions are as of the statement's start, after every read of
 * the batch began; a change waiting on a head lock commits after that, so no read it could make
 * stale had been answered yet.
 */
async function lockAndConfirm(tx: Tx, batch: Waiting[], liveSessions: LiveSessions) {
  const chains = [...new Set(batch.flatMap(({ commit }) => commit.links.map((link) => link.chain)))];
  const scopes = [...new Set(batch.flatMap(({ commit }) => commit.stamps.map(([scope]) => scope)))];
  const sessionIds = [...new Set(batch.flatMap(({ commit }) => commit.rememberedSessionId ?? []))];
  const rows = await queryRows<{ kind: 'head' | 'version' | 'session'; key: string; value: string }>(
    tx,
    sql`with heads as (${lockedChainHeads(chains)}), versions as (${dataVersionsOf(scopes)}), live as (${liveSessions(sessionIds)})
      select 'head' as kind, chain as key, last_hash as value from heads
      union all select 'version', scope, version::text from versions
      union all select 'session', id, '' from live`,
  );
  const of = (kind: string) => rows.filter((row) => row.kind === kind);
  return {
    heads: new Map(of('head').map((row) => [row.key, row.value])),
    versions: new Map(of('version').map((row) => [row.key, Number(row.value)])),
    liveSessions: new Set(of('session').map((row) => row.key)),
  };
}
