import { actionStatuses } from '@yhdessa/shared';
import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';
import { families } from './families';
import { goals } from './goals';
import { serviceRoles } from './service-roles';

export const actionStatusEnum = pgEnum('action_status', actionStatuses);

export const actions = pgTable(
  'actions',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** Null when the family itself does the action. */
    serviceRoleId: uuid('service_role_id').references(() => serviceRoles.id),
    goalId: uuid('goal_id').references(() => goals.id),
    title: text('title').notNull(),
    ownerName: text('owner_name').notNull().default(''),
    dueOn: date('due_on'),
    status: actionStatusEnum('status').notNull().default('planned'),
    version: version(),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('actions_family_idx').on(table.familyId),
    // A service's actions across families (the worker's workspace), without reading every action.
    index('actions_service_role_idx').on(table.serviceRoleId),
  ],
);
