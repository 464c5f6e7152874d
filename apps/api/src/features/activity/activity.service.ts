import type { Activity, ActivityQuery, CoordinatorWorkspace, FamilyEventType } from '@yhdessa/shared';
import { eventAudienceOf } from '../../access/event-audience';
import { findFamilyRelation } from '../../access/family-relation.repository';
import type { Actor } from '../../core/actor';
import type { EventSubject } from '../../core/event-subject';
import type { Queryable } from '../../db/database';
import type { RouteContext } from '../../http/route';
import { ActivityLines, presentChange, subjectOf, type ActivityReader } from './activity.presenter';
import { countRecentChangesOfCoordinator, listFamilyActivity, listRecentActivityOfCoordinator } from './activity.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/**
 * A page reads its changes in batches: first twice as many as it has lines (changes group, and a
 * reader may not hear of all), then four times more each time, for a reader who hears of few. After
 * the last batch the page ends where the reading stopped, with fewer lines.
 */
const firstBatch = (limit: number) => 2 * limit + 1;
const BATCH_GROWTH = 4;
const MAX_BATCHES = 3;

/**
 * What changed in the family, newest first: each change the reader would have heard of live, named
 * as far as they may read the item now, consecutive changes by one person to one item as one line.
 * The read is audited like any read of the family's data.
 */
export async function readActivity(familyId: string, query: ActivityQuery, context: FamilyContext): Promise<Activity> {
  const reader: ActivityReader = { actor: context.actor, relation: context.family.relation };
  const { lines, nextBefore } = await collectLines(familyId, reader, query, context.tx);
  const entries = lines.lines.map((line) => line.entry);
  await context.audit({
    familyId,
    action: 'read',
    resource: 'activity',
    resourceId: familyId,
    outcome: 'allowed',
    basis: context.family.basis,
    detail: { entries: entries.length, ...(query.before ? { before: query.before } : {}) },
  });
  return { entries, nextBefore };
}

async function collectLines(familyId: string, reader: ActivityReader, query: ActivityQuery, tx: Queryable) {
  const hears = eventAudienceOf(reader.actor, reader.relation);
  const lines = new ActivityLines(query.limit);
  let before = query.before;
  for (let batch = 0, size = firstBatch(query.limit); batch < MAX_BATCHES; batch += 1, size *= BATCH_GROWTH) {
    const rows = await listFamilyActivity(familyId, { before, limit: size }, tx);
    for (const row of rows) {
      if (!hears(row.type, subjectOf(row))) continue;
      if (!lines.add(row, () => presentChange(row, reader))) return { lines, nextBefore: lines.oldestSeq };
    }
    if (rows.length < size) return { lines, nextBefore: null };
    before = rows.at(-1)!.seq;
  }
  return { lines, nextBefore: before ?? null };
}

/** How many lines the coordinator's workspace shows of what changed, and how many changes it reads for them. */
const WORKSPACE_LINES = 5;
const WORKSPACE_CHANGES = 100;

type Hears = (type: FamilyEventType, subject?: EventSubject) => boolean;

/**
 * The coordinator's recent changes across the families they coordinate: how many, in which
 * families, and the newest few lines worded as in each family's activity.
 */
export async function readRecentChangesOfCoordinator(
  actor: Actor,
  since: Date,
  tx: Queryable,
): Promise<CoordinatorWorkspace['recentChanges']> {
  const families = await countRecentChangesOfCoordinator(actor.accountId, since, tx);
  const rows = await listRecentActivityOfCoordinator(actor.accountId, since, WORKSPACE_CHANGES, tx);
  const readers = new Map<string, { reader: ActivityReader; hears: Hears } | null>();
  const lines = new ActivityLines(WORKSPACE_LINES);
  for (const row of rows) {
    if (!readers.has(row.familyId)) {
      const relation = await findFamilyRelation(row.familyId, actor, tx);
      readers.set(row.familyId, relation && { reader: { actor, relation }, hears: eventAudienceOf(actor, relation) });
    }
    const known = readers.get(row.familyId);
    if (!known?.hears(row.type, subjectOf(row))) continue;
    if (!lines.add(row, () => presentChange(row, known.reader))) break;
  }
  return {
    count: families.reduce((sum, family) => sum + family.count, 0),
    families,
    latest: lines.lines.map((line) => ({ ...line.entry, family: line.family })),
  };
}
