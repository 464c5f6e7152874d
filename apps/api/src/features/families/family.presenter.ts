import type { FamilyDetail, FamilyMemberDetail, Handover, PendingHandover } from '@yhdessa/shared';
import type { FamilyRow, MemberRow } from './families.repository';

export function presentMember(row: MemberRow): FamilyMemberDetail {
  return {
    id: row.id,
    name: row.name,
    relation: row.relation,
    birthYear: row.birthYear,
    hasLogin: row.accountId !== null,
    version: row.version,
  };
}

function presentPendingHandover(family: FamilyRow, names: Map<string, string>): PendingHandover | null {
  if (!family.handoverToId || !family.handoverRequestedAt) return null;
  return {
    to: { id: family.handoverToId, name: names.get(family.handoverToId) ?? '' },
    requestedAt: family.handoverRequestedAt.toISOString(),
  };
}

export function presentFamilyDetail(detail: {
  family: FamilyRow;
  people: Map<string, string>;
  members: MemberRow[];
}): FamilyDetail {
  const { family, people } = detail;
  return {
    id: family.id,
    name: family.name,
    status: family.status,
    coordinator: { id: family.coordinatorId, name: people.get(family.coordinatorId) ?? '' },
    pendingHandover: presentPendingHandover(family, people),
    members: detail.members.map(presentMember),
    version: family.version,
    updatedAt: family.updatedAt.toISOString(),
  };
}

/** Only the family's name and state: this is what a handover's target sees before accepting. */
export function presentHandover(family: FamilyRow, names: Map<string, string>): Handover {
  return {
    family: { id: family.id, name: family.name, status: family.status, version: family.version },
    coordinator: { id: family.coordinatorId, name: names.get(family.coordinatorId) ?? '' },
    pending: presentPendingHandover(family, names),
  };
}
