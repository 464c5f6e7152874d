import type { CommentTargetKind } from '@yhdessa/shared';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { accounts } from '../../db/tables/accounts';
import { actions } from '../../db/tables/actions';
import { comments } from '../../db/tables/comments';
import { goals } from '../../db/tables/goals';
import { serviceRoles } from '../../db/tables/service-roles';

/** A goal or an action of the family, commented on as one. */
export interface CommentTarget {
  kind: CommentTargetKind;
  id: string;
}

const targetColumn = (kind: CommentTargetKind) => (kind === 'goal' ? comments.goalId : comments.actionId);

/**
 * The goal or action if it is in the family's plan as the plan shows it (an action only while the
 * family does it or its service's role is invited or accepted, not once the role ended), with the
 * service role an action belongs to; undefined otherwise.
 */
export async function findTargetInPlan(
  familyId: string,
  target: CommentTarget,
  db: Queryable,
): Promise<{ serviceRoleId: string | null } | undefined> {
  const rows =
    target.kind === 'goal'
      ? await db
          .select({ serviceRoleId: sql<null>`null` })
          .from(goals)
          .where(and(eq(goals.familyId, familyId), eq(goals.id, target.id)))
      : await db
          .select({ serviceRoleId: actions.serviceRoleId })
          .from(actions)
          .leftJoin(serviceRoles, eq(serviceRoles.id, actions.serviceRoleId))
          .where(
            and(
              eq(actions.familyId, familyId),
              eq(actions.id, target.id),
              or(isNull(actions.serviceRoleId), inArray(serviceRoles.status, ['invited', 'accepted'])),
            ),
          );
  return rows[0];
}

const commentColumns = { comment: comments, authorName: accounts.name };

export async function listComments(familyId: string, target: CommentTarget, db: Queryable) {
  return db
    .select(commentColumns)
    .from(comments)
    .innerJoin(accounts, eq(accounts.id, comments.authorId))
    .where(and(eq(comments.familyId, familyId), eq(targetColumn(target.kind), target.id)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export async function insertComment(
  familyId: string,
  target: CommentTarget,
  values: { body: string; authorId: string },
  db: Queryable,
): Promise<CommentRow> {
  const [comment] = await db
    .insert(comments)
    .values({
      familyId,
      goalId: target.kind === 'goal' ? target.id : null,
      actionId: target.kind === 'action' ? target.id : null,
      ...values,
    })
    .returning();
  const [author] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, values.authorId));
  return { comment: comment!, authorName: author!.name };
}
