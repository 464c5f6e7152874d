import type { FamilySummary } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { visibleFamiliesCondition } from '../access/family-relation.repository';
import { queryRows, type Queryable } from '../db/database';
import type { Actor } from '../http/request-context';

interface FamilySummaryRow {
  id: string;
  name: string;
  status: FamilySummary['status'];
  updated_at: string | Date;
  coordinator_id: string;
  coordinator_name: string;
  member_count: number;
  service_count: number;
  open_action_count: number;
  overdue_action_count: number;
  next_review_on: string | null;
}

/** Cross-family read: every family the actor has a relationship with, by the access module's rule. */
export async function listFamiliesVisibleTo(actor: Actor, db: Queryable): Promise<FamilySummary[]> {
  const rows = await queryRows<FamilySummaryRow>(
    db,
    sql`
    select f.id, f.name, f.status, f.updated_at, c.id as coordinator_id, c.name as coordinator_name,
      (select count(*)::int from family_members m where m.family_id = f.id) as member_count,
      (select count(*)::int from service_roles sr where sr.family_id = f.id and sr.status = 'accepted') as service_count,
      (select count(*)::int from actions a where a.family_id = f.id and a.status <> 'done') as open_action_count,
      (select count(*)::int from actions a where a.family_id = f.id and a.status <> 'done' and a.due_on < current_date) as overdue_action_count,
      (select min(r.scheduled_on)::text from reviews r
        where r.family_id = f.id and r.status = 'scheduled' and r.scheduled_on >= current_date) as next_review_on
    from families f join accounts c on c.id = f.coordinator_id
    where ${visibleFamiliesCondition(actor)}
    order by f.name, f.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    coordinator: { id: row.coordinator_id, name: row.coordinator_name },
    memberCount: row.member_count,
    serviceCount: row.service_count,
    openActionCount: row.open_action_count,
    overdueActionCount: row.overdue_action_count,
    nextReviewOn: row.next_review_on,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}
