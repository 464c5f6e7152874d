import type { LocalizedText } from '@yhdessa/shared';
import { and, asc, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import { municipalityToday } from '../../core/clock';
import { actionIsOverdue, type ActionRow } from '../actions';
import { queryRows, type Queryable } from '../../db/database';
import { families } from '../../db/tables/families';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';

/*
 * Cross-family reads, on purpose: each is limited to the families the caller coordinates, or to
 * their own services' active roles, the same relationships the access module grants.
 */

const coordinatedBy = (accountId: string) => and(eq(families.coordinatorId, accountId), ne(families.status, 'closed'));
const inDays = (days: number) => sql`${municipalityToday} + ${days}::int`;

export async function listUnansweredInvitationsOfCoordinator(accountId: string, db: Queryable) {
  return db
    .select({
      familyId: families.id,
      familyName: families.name,
      serviceRoleId: serviceRoles.id,
      serviceId: services.id,
      serviceName: services.name,
      invitedAt: sql<Date>`coalesce(${serviceRoles.invitedAt}, ${serviceRoles.createdAt})`.mapWith(
        (value: string | Date) => new Date(value),
      ),
      reminderSentAt: serviceRoles.reminderSentAt,
      reminderRecipients: serviceRoles.reminderRecipients,
    })
    .from(serviceRoles)
    .innerJoin(families, eq(families.id, serviceRoles.familyId))
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(and(coordinatedBy(accountId), eq(serviceRoles.status, 'invited')))
    .orderBy(sql`coalesce(${serviceRoles.invitedAt}, ${serviceRoles.createdAt})`, asc(serviceRoles.id));
}

export async function listUpcomingReviewsOfCoordinator(accountId: string, days: number, db: Queryable) {
  return db
    .select({ familyId: families.id, familyName: families.name, reviewId: reviews.id, scheduledOn: reviews.scheduledOn })
    .from(reviews)
    .innerJoin(families, eq(families.id, reviews.familyId))
    .where(
      and(
        coordinatedBy(accountId),
        eq(reviews.status, 'scheduled'),
        gte(reviews.scheduledOn, municipalityToday),
        lte(reviews.scheduledOn, inDays(days)),
      ),
    )
    .orderBy(asc(reviews.scheduledOn), asc(families.name));
}

/** Cases waiting for the caller to accept them: the family's name and who offers it, nothing more. */
export async function listHandoversTo(accountId: string, db: Queryable) {
  return db
    .select({
      familyId: families.id,
      familyName: families.name,
      fromId: accounts.id,
      fromName: accounts.name,
      requestedAt: families.handoverRequestedAt,
    })
    .from(families)
    .innerJoin(accounts, eq(accounts.id, families.coordinatorId))
    .where(eq(families.handoverToId, accountId))
    .orderBy(asc(families.handoverRequestedAt));
}

/** An action that needs the caller, with its family's and service's names. */
export interface WorkspaceActionRow {
  action: ActionRow;
  familyName: string;
  serviceId: string | null;
  serviceName: LocalizedText | null;
}

export interface WorkspaceActionRows {
  /** Up to `limit + 1`: the one more tells that there is a next page. */
  rows: WorkspaceActionRow[];
  count: number;
  /** False when the action a cursor continues after is not in the caller's list (any more). */
  anchorFound: boolean;
}

interface RawActionRow {
  total: number;
  anchor_found: boolean;
  id: string | null;
  family_id: string;
  service_role_id: string | null;
  goal_id: string | null;
  title: string;
  owner_name: string;
  due_on_text: string;
  status: ActionRow['status'];
  version: number;
  updated_by: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  overdue: boolean;
  family_name: string;
  service_id: string | null;
  service_name: LocalizedText | null;
}

/** The actions, with what each row shows, on `actions` joined to `families f`. */
const actionFacts = sql`
  select actions.id, actions.family_id, actions.service_role_id, actions.goal_id, actions.title, actions.owner_name,
    actions.due_on, actions.due_on::text as due_on_text, actions.status, actions.version, actions.updated_by, actions.created_at, actions.updated_at,
    ${actionIsOverdue} as overdue, f.name as family_name, s.id as service_id, s.name as service_name
  from actions
  join families f on f.id = actions.family_id
  left join service_roles sr on sr.id = actions.service_role_id
  left join services s on s.id = sr.service_id`;

/**
 * One page of a list of actions, the earliest due first (then by family and id, so the order is
 * total), continuing after the action `after` as it stands in the list now, with how many there
 * are in all: one statement.
 */
async function listActionPage(listed: SQL, page: { after?: string; limit: number }, db: Queryable): Promise<WorkspaceActionRows> {
  const keys = sql.raw('due_on, family_name, id');
  const after = page.after ? sql`(${keys}) > (select ${keys} from listed where id = ${page.after})` : sql`true`;
  const rows = await queryRows<RawActionRow>(
    db,
    sql`
    with listed as (${listed}),
    page as (select * from listed where ${after} order by due_on, family_name, id limit ${page.limit + 1})
    select t.total, t.anchor_found, p.*
    from (
      select count(*)::int as total, ${page.after ? sql`coalesce(bool_or(id = ${page.after}), false)` : sql`true`} as anchor_found
      from listed
    ) t
    left join page p on true
    order by p.due_on, p.family_name, p.id`,
  );
  const first = rows[0];
  return {
    rows: rows.filter((row) => row.id !== null).map(toWorkspaceActionRow),
    count: first?.total ?? 0,
    anchorFound: first?.anchor_found ?? false,
  };
}

function toWorkspaceActionRow(row: RawActionRow): WorkspaceActionRow {
  return {
    action: {
      id: row.id!,
      familyId: row.family_id,
      serviceRoleId: row.service_role_id,
      goalId: row.goal_id,
      title: row.title,
      ownerName: row.owner_name,
      dueOn: row.due_on_text,
      status: row.status,
      version: row.version,
      updatedBy: row.updated_by,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      overdue: row.overdue,
    },
    familyName: row.family_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
  };
}

/** Open actions past their day in the coordinator's open cases, a page at a time. */
export async function listOverdueActionsOfCoordinator(
  accountId: string,
  page: { after?: string; limit: number },
  db: Queryable,
): Promise<WorkspaceActionRows> {
  return listActionPage(
    sql`${actionFacts} where f.coordinator_id = ${accountId} and f.status <> 'closed' and ${actionIsOverdue}`,
    page,
    db,
  );
}

/**
 * Open actions of the worker's services, in open cases where the service's role is active, due
 * within `days` or overdue, a page at a time.
 */
export async function listDueActionsOfWorker(
  accountId: string,
  days: number,
  page: { after?: string; limit: number },
  db: Queryable,
): Promise<WorkspaceActionRows> {
  return listActionPage(
    sql`${actionFacts}
      join service_memberships sm on sm.service_id = sr.service_id and sm.account_id = ${accountId}
      where sr.status = 'accepted' and (sr.ends_on is null or sr.ends_on >= ${municipalityToday})
        and f.status <> 'closed' and actions.status <> 'done' and actions.due_on <= ${inDays(days)}`,
    page,
    db,
  );
}
