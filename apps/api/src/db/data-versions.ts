import { sql } from 'drizzle-orm';
import { oneOf, queryRows, type Queryable } from './database';

/** A scope of `data_versions` (see the table) and the version something was read at. */
export type VersionStamp = readonly [scope: string, version: number];

export const DIRECTORY_SCOPE = 'directory';
export const familyScope = (familyId: string) => `family:${familyId}`;
/** Moves only with what access to the family is decided on (the family, members, roles, consent): not with the plan's content. */
export const familyAccessScope = (familyId: string) => `family-access:${familyId}`;

/** The versions of the scopes that have one (columns `scope`, `version`); a scope nothing has changed yet is at 0. */
export const dataVersionsOf = (scopes: readonly string[]) =>
  sql`select scope, version from data_versions where ${oneOf(sql`scope`, scopes)}`;

/** The current version of each scope. */
export async function readDataVersions(db: Queryable, scopes: readonly string[]): Promise<VersionStamp[]> {
  if (scopes.length === 0) return [];
  const rows = await queryRows<{ scope: string; version: string | number }>(db, dataVersionsOf(scopes));
  const current = new Map(rows.map((row) => [row.scope, Number(row.version)]));
  return scopes.map((scope) => [scope, current.get(scope) ?? 0] as const);
}
