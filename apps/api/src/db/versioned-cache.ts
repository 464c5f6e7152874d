import { LRUCache } from 'lru-cache';
import type { Queryable } from './database';
import { readDataVersions, type VersionStamp } from './data-versions';

/** A value read from the database, with the data versions it was read at. */
export interface VersionedCopy<T = unknown> {
  value: T;
  stamps: readonly VersionStamp[];
}

/**
 * Values read from the database, kept with the data versions they were read at. A value is only
 * ever used together with its stamps: the request that used it confirms them in the transaction
 * that audits it (see `ReadCommitQueue`), and reads again when one moved on.
 */
export class VersionedCache {
  readonly #entries: LRUCache<string, VersionedCopy>;

  constructor(maxEntries: number) {
    this.#entries = new LRUCache({ max: maxEntries });
  }

  peek<T>(key: string): VersionedCopy<T> | undefined {
    const entry = this.#entries.get(key);
    return entry && { value: entry.value as T, stamps: entry.stamps };
  }

  /**
   * Reads the scopes' versions first, then the value, and keeps it: a change in between only makes
   * the copy look older than it is. `known` holds versions read earlier for the same reason (it gains these).
   */
  async load<T>(
    db: Queryable,
    key: string,
    scopes: readonly string[],
    read: () => Promise<T>,
    known = new Map<string, number>(),
  ): Promise<T> {
    const entry = await this.read(db, scopes, read, known);
    this.keep(key, entry);
    return entry.value;
  }

  /**
   * `load` without keeping: for a write's transaction, whose reads may see changes that are rolled
   * back. A counter of data versions moves on again after a rollback, so a copy of rolled-back rows
   * could carry the versions of other rows later; such a copy is kept (`keep`) only after commit.
   */
  async read<T>(
    db: Queryable,
    scopes: readonly string[],
    read: () => Promise<T>,
    known = new Map<string, number>(),
  ): Promise<VersionedCopy<T>> {
    const missing = scopes.filter((scope) => !known.has(scope));
    for (const [scope, version] of await readDataVersions(db, missing)) known.set(scope, version);
    const stamps = scopes.map((scope) => [scope, known.get(scope)!] as const);
    return { value: deepFreeze(await read()), stamps };
  }

  keep(key: string, entry: VersionedCopy): void {
    this.#entries.set(key, entry);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}

/** Requests share a cached value: one that changed it would change every later answer. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
