/**
 * A municipality of N families for measuring the product at size (bench/scale.ts, the EXPLAIN
 * test): not the demo, whose 300 hand-shaped families are for people to look at, but a caseload
 * whose every per-person figure stays the same as N grows: about 40 families per coordinator, six
 * services per family, about 150 families per service unit with two workers each. Everything is
 * written with set-based `insert ... select` over `generate_series` (municipality-steps.ts), in one
 * transaction, so 100,000 families take minutes; deterministic from the seed and the moment given
 * (ids and draws: scale-ids.ts). It lives with the test support because the audit chain is formed
 * with the audit module's own formula, which only tests and entries may reach.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database';
import { municipalitySteps } from './municipality-steps';
import { scaleShape, type ScaleShape } from './scale-ids';

export interface GenerateOptions {
  families: number;
  seed?: number;
  /** The moment the municipality stands at (dates are drawn around it); now by default. */
  now?: Date;
  /** argon2 hash every generated professional and family login gets (none: they cannot sign in with a password). */
  passwordHash?: string | null;
  /** Check every foreign key as rows go in (slow): off by default, on in the generator's own test. */
  checkReferences?: boolean;
  /** Told each step's time, for a benchmark's log. */
  onStep?: (step: string, ms: number) => void;
}

export interface GeneratedMunicipality extends ScaleShape {
  seed: number;
  now: Date;
  /** Rows per table after generating. */
  rows: Record<string, number>;
  ms: number;
}

export const DEFAULT_SEED = 13;

/** The tables of a few hundred thousand rows and more, whose indexes are built after the load. */
const REBUILT_INDEX_TABLES = [
  'audit_events',
  'family_events',
  'consent_decisions',
  'actions',
  'notes',
  'service_usage',
  'goal_progress',
  'goals',
  'service_roles',
  'family_members',
];

export async function generateMunicipality(db: Db, options: GenerateOptions): Promise<GeneratedMunicipality> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(options.families) || options.families < 1) throw new Error('families must be a whole number above 0');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('seed must be a whole number');
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const shape = scaleShape(options.families);

  const rows: Record<string, number> = {};
  const startedAt = performance.now();
  await db.transaction(async (tx) => {
    /** One step: its statements in order (PGlite takes one statement per call). */
    const run = async (step: string, ...statements: string[]) => {
      for (const [index, statement] of statements.entries()) {
        const began = performance.now();
        await tx.execute(sql.raw(statement));
        options.onStep?.(statements.length > 1 ? `${step} ${index + 1}` : step, performance.now() - began);
      }
    };

    // Foreign keys are checked by triggers, row by row: a bulk load skips them (the generator's test
    // runs once with them on, so the references it writes are known to hold).
    if (!options.checkReferences) await run('references off', `set local session_replication_role = replica`);
    // Sorts of a few hundred thousand rows stay in memory (PGlite's disk is slow to spill to).
    await run('memory', `set local work_mem = '256MB'`, `set local temp_buffers = '512MB'`);

    // Indexes are built once the rows are in: a sort is far cheaper than a row-by-row insert into a
    // few hundred thousand random keys. Constraints' own indexes (primary keys) stay.
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      tx,
      sql`select indexname, indexdef from pg_indexes i
        where schemaname = 'public' and tablename in ${REBUILT_INDEX_TABLES}
          and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    );
    await run('drop indexes', ...indexes.map((index) => `drop index "${index.indexname}"`));

    for (const { step, statements } of municipalitySteps({ seed, now, shape, passwordHash: options.passwordHash }))
      await run(step, ...statements);

    await run('build indexes', ...indexes.map((index) => index.indexdef));

    for (const table of [
      'accounts',
      'services',
      'families',
      'family_members',
      'service_roles',
      'consent_decisions',
      'goals',
      'goal_progress',
      'actions',
      'notes',
      'reviews',
      'feedback_requests',
      'measurements',
      'measurement_scores',
      'service_usage',
      'invitations',
      'family_events',
      'audit_events',
    ]) {
      const [counted] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`);
      rows[table] = counted!.n;
    }
  });
  const began = performance.now();
  await db.execute(sql`analyze`);
  options.onStep?.('analyze', performance.now() - began);
  return { ...shape, seed, now, rows, ms: Math.round(performance.now() - startedAt) };
}
