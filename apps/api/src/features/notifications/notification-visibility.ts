import type { NotificationDetails, NotificationKind } from '@yhdessa/shared';
import { familyAccessBasis } from '../../access/family-policy';
import { findFamilyRelation, type FamilyRelation } from '../../access/family-relation.repository';
import { notificationVisible, type NotificationSubject } from '../../access/notification-policy';
import type { Reader } from '../../core/actor';
import type { Queryable } from '../../db/database';
import { isRoleOfReadersService } from './notification-facts.repository';

interface StoredNotification {
  familyId: string;
  kind: NotificationKind;
  serviceRoleId: string | null;
  details: NotificationDetails;
}

/**
 * For one reader: whether they may see a notification's item now, and on what basis (for the audit);
 * null when they may not. Each family's relation is read once per reader and request.
 */
export function visibilityFor(reader: Reader, db: Queryable) {
  const relations = new Map<string, Promise<FamilyRelation | null>>();
  return async (notification: StoredNotification): Promise<{ basis: string } | null> => {
    const { familyId, kind, serviceRoleId, details } = notification;
    if (!relations.has(familyId)) relations.set(familyId, findFamilyRelation(familyId, reader, db));
    const relation = await relations.get(familyId)!;
    if (!relation) return null;
    const subject: NotificationSubject = { kind, serviceRoleId, commentOn: 'on' in details ? details.on : undefined };
    if ('change' in details && details.change === 'ended' && serviceRoleId)
      subject.roleEnded = {
        readerInRolesService: await isRoleOfReadersService(familyId, serviceRoleId, reader.accountId, db),
      };
    if (!notificationVisible(reader, relation, subject)) return null;
    return { basis: familyAccessBasis(reader, relation) ?? 'own service role ended' };
  };
}
