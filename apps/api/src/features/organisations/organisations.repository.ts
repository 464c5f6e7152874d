import type { Organisation } from '@yhdessa/shared';
import { asc } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations } from '../../db/tables/organisations';

export async function listOrganisations(db: Queryable): Promise<Organisation[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.id));
}
