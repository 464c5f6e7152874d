import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ActionStatus } from '@yhdessa/shared';
import { municipalityToday } from '../../core/clock';
import { builtOnce } from '../../db/built-once';
import type { Queryable } from '../../db/database';
import { actions } from '../../db/tables/actions';

/** Overdue: not done, and due before today in the municipality. Decided here, in SQL, for every read of an action. */
export const actionIsOverdue = sql<boolean>`(${actions.status} <> 'done' and ${actions.dueOn} is not null and ${actions.dueOn} < ${municipalityToday})`;

/** An action as every read returns it: its columns and whether it is overdue. */
export const actionColumns = { ...getTableColumns(actions), overdue: actionIsOverdue };
export type ActionRow = typeof actions.$inferSelect & { overdue: boolean };

export async function findAction(familyId: string, actionId: string, db: Queryable): Promise<ActionRow | null> {
  const [row] = await db
    .select(actionColumns)
    .from(actions)
    .where(and(eq(actions.familyId, familyId), eq(actions.id, actionId)));
  return row ?? null;
}

export async function insertAction(
  familyId: string,
  values: {
    serviceRoleId: string | null;
    goalId: string | null;
    title: string;
    ownerName: string;
    dueOn: string | null;
    updatedBy: string;
  },
  db: Queryable,
) {
  const [row] = await db
    .insert(actions)
    .values({ familyId, ...values })
    .returning(actionColumns);
  return row!;
}

export interface ActionChange {
  title?: string;
  ownerName?: string;
  dueOn?: string | null;
  goalId?: string | null;
  status?: ActionStatus;
}

/** What an action's change may have changed, as it was before (`changeActionAt`). */
export type ActionBefore = Pick<ActionRow, 'title' | 'ownerName' | 'dueOn' | 'goalId' | 'status'>;

/**
 * Changes the action only if the row is still at `basedOnVersion`, and returns it as it was before
 * and is now, from the one statement (the row before is read and locked in its FROM); null when no
 * action of the family is at that version. A goal not of this family is linked as none, so the
 * caller can tell (the goal now is not the one asked for) instead of the foreign key failing.
 */
export async function changeActionAt(
  familyId: string,
  actionId: string,
  change: ActionChange & { basedOnVersion: number; updatedBy: string },
  db: Queryable,
): Promise<{ before: ActionBefore; after: ActionRow } | null> {
  const { basedOnVersion, updatedBy, ...fields } = change;
  const changed = changeableFields.filter((field) => fields[field] !== undefined);
  const goal = fields.goalId === undefined ? 'kept' : fields.goalId === null ? 'none' : 'linked';
  const key = `${changed.join(',')}:${goal}`;
  let statement = changeStatements.get(key);
  if (!statement) {
    statement = changeStatement(changed, goal);
    changeStatements.set(key, statement);
  }
  const [row] = await statement(db, {
    ...fields,
    familyId,
    actionId,
    basedOnVersion,
    updatedBy,
    updatedAt: new Date().toISOString(),
  });
  if (!row) return null;
  const { beforeTitle, beforeOwnerName, beforeDueOn, beforeGoalId, beforeStatus, ...after } = row;
  return {
    before: { title: beforeTitle, ownerName: beforeOwnerName, dueOn: beforeDueOn, goalId: beforeGoalId, status: beforeStatus },
    after,
  };
}

/** The action after its change, with what it was before alongside. */
type ChangedActionRow = ActionRow & {
  beforeTitle: string;
  beforeOwnerName: string;
  beforeDueOn: string | null;
  beforeGoalId: string | null;
  beforeStatus: ActionStatus;
};

const changeableFields = ['title', 'ownerName', 'dueOn', 'status'] as const;
/** A value bound at each run; set as SQL, so it goes to the driver as given (a time as ISO text). */
const placeholder = (name: string) => sql`${sql.placeholder(name)}`;
const changeStatements = new Map<string, ReturnType<typeof changeStatement>>();

/** The update for one combination of changed fields, built once (`builtOnce`): the hottest write there is. */
function changeStatement(changed: readonly (typeof changeableFields)[number][], goal: 'kept' | 'none' | 'linked') {
  return builtOnce<ChangedActionRow>((db) => {
    const before = db
      .select({
        id: actions.id,
        title: actions.title,
        ownerName: actions.ownerName,
        dueOn: actions.dueOn,
        goalId: actions.goalId,
        status: actions.status,
      })
      .from(actions)
      .where(and(eq(actions.familyId, sql.placeholder('familyId')), eq(actions.id, sql.placeholder('actionId'))))
      .for('update')
      .as('before');
    const goalId = {
      kept: {},
      none: { goalId: null },
      linked: {
        goalId: sql<
          string | null
        >`(select g.id from goals g where g.id = ${sql.placeholder('goalId')} and g.family_id = ${sql.placeholder('familyId')})`,
      },
    }[goal];
    return db
      .update(actions)
      .set({
        ...Object.fromEntries(changed.map((field) => [field, placeholder(field)])),
        ...goalId,
        version: sql`${actions.version} + 1`,
        updatedAt: placeholder('updatedAt'),
        updatedBy: placeholder('updatedBy'),
      })
      .from(before)
      .where(and(eq(actions.id, before.id), eq(actions.version, sql.placeholder('basedOnVersion'))))
      .returning({
        ...actionColumns,
        beforeTitle: before.title,
        beforeOwnerName: before.ownerName,
        beforeDueOn: before.dueOn,
        beforeGoalId: before.goalId,
        beforeStatus: before.status,
      });
  });
}
