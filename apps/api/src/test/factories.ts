import { randomUUID } from 'node:crypto';
import type { ActionStatus, FamilyStatus, MemberRelation, PlanPart, Role, ServiceRoleStatus } from '@yhdessa/shared';
import { accounts, serviceMemberships } from '../db/tables/accounts';
import { hashPassword } from '../features/accounts/passwords';
import { actions } from '../db/tables/actions';
import { consentDecisions } from '../db/tables/consents';
import type { Queryable } from '../db/database';
import { familyMembers, families } from '../db/tables/families';
import { goals } from '../db/tables/goals';
import { organisations } from '../db/tables/organisations';
import { plans } from '../db/tables/plans';
import { serviceRoles } from '../db/tables/service-roles';
import { servicePrices } from '../db/tables/service-prices';
import { FIRST_PRICE_VALID_FROM } from '../features/services';
import { services } from '../db/tables/services';
import { needsSecondFactor } from '../features/accounts/second-factor-state';
import { TEST_TOTP_SECRET } from './second-factor';

export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

export async function buildOrganisation(db: Queryable, name = 'Testikunta') {
  const [row] = await db.insert(organisations).values({ name }).returning();
  return row!;
}

/** A service whose visit costs 100 EUR from 2000 on. */
export async function buildService(db: Queryable, organisationId: string, name = 'Perhetyö') {
  const [row] = await db
    .insert(services)
    .values({ organisationId, name: { fi: name, en: name }, category: 'social', unit: 'visit' })
    .returning();
  await db.insert(servicePrices).values({ serviceId: row!.id, validFrom: FIRST_PRICE_VALID_FROM, unitCostCents: 10_000 });
  return row!;
}

export async function buildAccount(
  db: Queryable,
  /** A professional has the authenticator set up with `TEST_TOTP_SECRET`, unless `secondFactor` is false. */
  options: { role: Role; organisationId?: string | null; serviceIds?: string[]; name?: string; secondFactor?: boolean },
) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${options.role}-${randomUUID().slice(0, 8)}@test.example`;
  const [row] = await db
    .insert(accounts)
    .values({
      email,
      name: options.name ?? `Test ${options.role}`,
      role: options.role,
      organisationId: options.organisationId ?? null,
      passwordHash: await testPasswordHash,
      ...(needsSecondFactor(options.role) && options.secondFactor !== false
        ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() }
        : {}),
    })
    .returning();
  for (const serviceId of options.serviceIds ?? []) await db.insert(serviceMemberships).values({ accountId: row!.id, serviceId });
  return { ...row!, password: TEST_PASSWORD };
}

export async function buildFamily(db: Queryable, options: { coordinatorId: string; status?: FamilyStatus; name?: string }) {
  const [row] = await db
    .insert(families)
    .values({ name: options.name ?? 'Perhe Testinen', status: options.status ?? 'active', coordinatorId: options.coordinatorId })
    .returning();
  await db.insert(plans).values({ familyId: row!.id });
  return row!;
}

export async function buildMember(
  db: Queryable,
  familyId: string,
  options: { relation?: MemberRelation; accountId?: string; name?: string } = {},
) {
  const [row] = await db
    .insert(familyMembers)
    .values({
      familyId,
      name: options.name ?? 'Testi Jäsen',
      relation: options.relation ?? 'guardian',
      birthYear: 1990,
      accountId: options.accountId ?? null,
    })
    .returning();
  return row!;
}

export async function buildGoal(db: Queryable, familyId: string, title = 'Arki sujuu') {
  const [row] = await db.insert(goals).values({ familyId, title }).returning();
  return row!;
}

export async function buildServiceRole(
  db: Queryable,
  familyId: string,
  serviceId: string,
  options: { status?: ServiceRoleStatus; endsOn?: string } = {},
) {
  const [row] = await db
    .insert(serviceRoles)
    .values({ familyId, serviceId, status: options.status ?? 'accepted', endsOn: options.endsOn ?? null })
    .returning();
  return row!;
}

export async function buildAction(
  db: Queryable,
  familyId: string,
  options: { serviceRoleId?: string | null; status?: ActionStatus; title?: string; dueOn?: string } = {},
) {
  const [row] = await db
    .insert(actions)
    .values({
      familyId,
      serviceRoleId: options.serviceRoleId ?? null,
      title: options.title ?? 'Kotikäynti',
      status: options.status ?? 'planned',
      dueOn: options.dueOn ?? null,
    })
    .returning();
  return row!;
}

export async function buildConsent(
  db: Queryable,
  familyId: string,
  serviceId: string,
  part: PlanPart,
  granted: boolean,
  decidedBy: string,
) {
  const [row] = await db.insert(consentDecisions).values({ familyId, serviceId, part, granted, decidedBy }).returning();
  return row!;
}
