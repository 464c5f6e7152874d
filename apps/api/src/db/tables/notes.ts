import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';
import { families } from './families';
import { serviceRoles } from './service-roles';

export const noteVisibilityEnum = pgEnum('note_visibility', ['professionals', 'family']);

/** Progress entries (kirjaus) per service role, or the coordinator's own when the role is null. */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    serviceRoleId: uuid('service_role_id').references(() => serviceRoles.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => accounts.id),
    body: text('body').notNull(),
    visibility: noteVisibilityEnum('visibility').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('notes_family_idx').on(table.familyId, table.createdAt)],
);
