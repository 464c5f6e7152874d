import {
  activityStatusSchema,
  type ActivityActor,
  type ActivityEntry,
  type FamilyEventType,
  type PlanPart,
} from '@yhdessa/shared';
import {
  authorizeFamily,
  hiddenServiceRoleIds,
  noteReadable,
  readableUsage,
  visiblePlanParts,
  type FamilyPermission,
} from '../../access/family-policy';
import type { FamilyRelation } from '../../access/family-relation.repository';
import type { Actor } from '../../core/actor';
import type { EventSubject } from '../../core/event-subject';
import type { ActivityRow, ActivityRowActor, ActivityRowItem } from './activity.repository';

/** Who reads the activity, and how they stand to the family now. */
export interface ActivityReader {
  actor: Actor;
  relation: FamilyRelation;
}

/** What a live event about the item names: its service role and, for a note, its visibility. */
export function subjectOf(row: ActivityRow): EventSubject {
  return { serviceRoleId: row.item.serviceRoleId, ...(row.item.visibility ? { visibility: row.item.visibility } : {}) };
}

type NameRule = (reader: ActivityReader, item: ActivityRowItem) => boolean;

const permitted =
  (permission: FamilyPermission): NameRule =>
  ({ actor, relation }, item) =>
    authorizeFamily(actor, permission, relation, { serviceRoleId: item.serviceRoleId }).allowed;
const partShared =
  (part: PlanPart): NameRule =>
  ({ actor, relation }) =>
    visiblePlanParts(actor, relation).has(part);
const note: NameRule = ({ actor, relation }, item) =>
  item.visibility !== null && noteReadable(actor, relation, { visibility: item.visibility, serviceRoleId: item.serviceRoleId });
const usage: NameRule = ({ actor, relation }, item) => {
  const readable = readableUsage(actor, relation);
  return readable === 'any' || (item.serviceRoleId !== null && readable.includes(item.serviceRoleId));
};
/** The line says what happened; the item has no words of its own to show. */
const nothingToName: NameRule = () => false;

/** Whether the reader may read the item now, and so see its words, by the rule its own reads follow. */
const mayName: Record<FamilyEventType, NameRule> = {
  'action.created': permitted('plan:read'),
  'action.updated': permitted('plan:read'),
  'action.commented': permitted('action-comment:read'),
  'goal.created': partShared('goals'),
  'goal.updated': partShared('goals'),
  'goalProgress.created': partShared('goals'),
  'goal.commented': partShared('goals'),
  'note.created': note,
  'note.updated': note,
  'serviceRole.invited': permitted('plan:read'),
  'serviceRole.accepted': permitted('plan:read'),
  'serviceRole.declined': permitted('plan:read'),
  'serviceRole.updated': permitted('plan:read'),
  'serviceRole.ended': permitted('plan:read'),
  'review.created': permitted('review:read'),
  'review.updated': permitted('review:read'),
  'agendaItem.created': permitted('review:read'),
  'plan.versioned': nothingToName,
  'family.created': permitted('family:read'),
  'family.updated': permitted('family:read'),
  'member.created': permitted('family:read'),
  'member.updated': permitted('family:read'),
  'usage.recorded': usage,
  'usage.updated': usage,
  'program.enrolled': permitted('program-enrolment:read'),
  'program.ended': permitted('program-enrolment:read'),
  'consent.changed': permitted('consent:read'),
  'handover.requested': nothingToName,
  'handover.accepted': nothingToName,
  'handover.declined': nothingToName,
  'story.updated': nothingToName,
  'story.commented': nothingToName,
  'story.commentResolved': nothingToName,
  'assessment.created': nothingToName,
  'assessment.updated': nothingToName,
  'measurement.recorded': nothingToName,
  'measurement.updated': nothingToName,
  'feedback.requested': nothingToName,
  'feedback.answered': nothingToName,
  'feedback.updated': nothingToName,
};

const TITLE_LENGTH = 60;

/** A note's first words, or a title, short enough for one line. */
function shortened(title: string | null): string | null {
  if (title === null) return null;
  const words = title.trim();
  return words.length > TITLE_LENGTH ? `${words.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : words;
}

/**
 * Who made the change, as far as the reader may know: a worker whose every role in the family is
 * kept from the reader's service is "a worker", nameless; otherwise the service they act for here.
 */
function presentActor(actor: ActivityRowActor | null, item: ActivityRowItem, reader: ActivityReader): ActivityActor | null {
  if (!actor) return null;
  if (actor.role !== 'worker') return { name: actor.name, role: actor.role, service: null, relation: actor.relation };
  const hidden = hiddenServiceRoleIds(reader.actor, reader.relation);
  const known = actor.serviceRoles.filter((role) => !hidden.has(role.id));
  if (actor.serviceRoles.length > 0 && known.length === 0) return { name: null, role: 'worker', service: null, relation: null };
  const acting = known.find((role) => role.id === item.serviceRoleId) ?? known[0];
  return { name: actor.name, role: 'worker', service: acting?.service ?? null, relation: null };
}

/** One change as the reader may see it, assuming they hear of it at all (see `eventAudienceOf`). */
export function presentChange(row: ActivityRow, reader: ActivityReader): ActivityEntry {
  const named = mayName[row.type](reader, row.item);
  const status = activityStatusSchema.safeParse(row.status);
  const at = row.occurredAt.toISOString();
  return {
    seq: row.seq,
    type: row.type,
    actor: presentActor(row.actor, row.item, reader),
    item: {
      id: row.item.id,
      title: named ? shortened(row.item.title) : null,
      service: named ? row.item.service : null,
      day: named ? row.item.day : null,
    },
    status: named && status.success ? status.data : null,
    consent: named ? row.item.consent : null,
    version: row.version,
    count: 1,
    firstAt: at,
    lastAt: at,
  };
}

/** Consecutive changes by one person to one item within this long make one line. */
export const GROUP_WINDOW_MS = 10 * 60_000;

interface Line {
  entry: ActivityEntry;
  actorId: string | null;
  family: { id: string; name: string };
  oldestSeq: number;
}

/**
 * Lines of activity, newest first, from changes given newest first. A line is complete when a
 * change that does not continue it arrives; the page is full when a change would start one more
 * line than the limit.
 */
export class ActivityLines {
  readonly lines: Line[] = [];

  constructor(private readonly limit: number) {}

  /** Adds the change, or answers false when the page is full: every line on it is complete. */
  add(row: ActivityRow, present: () => ActivityEntry): boolean {
    const last = this.lines.at(-1);
    if (last && continues(last, row)) {
      last.entry = { ...last.entry, count: last.entry.count + 1, firstAt: row.occurredAt.toISOString() };
      last.oldestSeq = row.seq;
      return true;
    }
    if (this.lines.length === this.limit) return false;
    this.lines.push({
      entry: present(),
      actorId: row.actor?.id ?? null,
      family: { id: row.familyId, name: row.familyName },
      oldestSeq: row.seq,
    });
    return true;
  }

  /** Where the next page starts: before the oldest change on this one. */
  get oldestSeq(): number | null {
    return this.lines.at(-1)?.oldestSeq ?? null;
  }
}

function continues(line: Line, row: ActivityRow): boolean {
  return (
    line.actorId !== null &&
    line.actorId === row.actor?.id &&
    line.family.id === row.familyId &&
    line.entry.item.id === row.item.id &&
    Date.parse(line.entry.lastAt) - row.occurredAt.getTime() <= GROUP_WINDOW_MS
  );
}
