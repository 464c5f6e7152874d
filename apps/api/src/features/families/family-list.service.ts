import type { FamilyList, FamilyListQuery, FamilySort } from '@yhdessa/shared';
import type { Actor } from '../../core/actor';
import { cursorLeadsNowhere, decodeCursor, pageOf } from '../../http/cursor';
import type { RouteContext } from '../../http/route';
import { listFamilyPage } from './family-list.repository';

type ListContext = RouteContext<{ kind: 'signed-in'; roles: readonly ('coordinator' | 'worker' | 'family')[] }>;

/** What needs them first for those who work with families; a family member's few families by name. */
export const defaultFamilySort = (actor: Actor): FamilySort =>
  actor.role === 'coordinator' || actor.role === 'worker' ? 'attention' : 'name';

/**
 * One page of the caller's families, searched, filtered and sorted, with how many match and how
 * many of those need the caller. Each family on the page is a read of its data and audited; the
 * counts name no family.
 */
export async function listFamilies(query: FamilyListQuery, context: ListContext): Promise<FamilyList> {
  const { actor, tx } = context;
  const sort = query.sort ?? defaultFamilySort(actor);
  const order = `families:${sort}`;
  const after = query.cursor ? decodeCursor(query.cursor, order) : undefined;
  const rows = await listFamilyPage(actor, { q: query.q, status: query.status, sort, after, limit: query.limit }, tx);
  if (!rows.anchorFound) throw cursorLeadsNowhere();
  const page = pageOf(rows.families, query.limit, order);
  for (const family of page.items)
    await context.audit({
      familyId: family.id,
      action: 'read',
      resource: 'family-summary',
      resourceId: family.id,
      outcome: 'allowed',
      basis: actor.role,
    });
  return { families: page.items, nextCursor: page.nextCursor, sort, count: rows.count, attentionCount: rows.attentionCount };
}
