import type { Queryable } from '../db/database';
import {
  buildAccount,
  buildAction,
  buildConsent,
  buildFamily,
  buildGoal,
  buildMember,
  buildOrganisation,
  buildService,
  buildServiceRole,
} from './factories';

/**
 * Two families and one person of every kind of relationship to them:
 * - `family` is coordinated by `coordinator`; services A and B have accepted roles, C an invited one;
 *   the guardian shares goals and the story with A, nothing with B; `youngMember` is a child with a login;
 * - `otherFamily` is coordinated by `otherCoordinator`, with service C only.
 * Each actor is here to be allowed or refused something.
 */
export async function buildWorld(db: Queryable) {
  const municipality = await buildOrganisation(db, 'Testikunta');
  const otherOrganisation = await buildOrganisation(db, 'Naapurikunta');
  const serviceA = await buildService(db, municipality.id, 'Perhetyö');
  const serviceB = await buildService(db, municipality.id, 'Koulukuraattori');
  const serviceC = await buildService(db, otherOrganisation.id, 'Naapurin neuvola');

  const coordinator = await buildAccount(db, {
    role: 'coordinator',
    organisationId: municipality.id,
    name: 'Koordinaattori Yksi',
  });
  const otherCoordinator = await buildAccount(db, {
    role: 'coordinator',
    organisationId: municipality.id,
    name: 'Koordinaattori Kaksi',
  });
  const workerA = await buildAccount(db, {
    role: 'worker',
    organisationId: municipality.id,
    serviceIds: [serviceA.id],
    name: 'Työntekijä A',
  });
  const workerB = await buildAccount(db, {
    role: 'worker',
    organisationId: municipality.id,
    serviceIds: [serviceB.id],
    name: 'Työntekijä B',
  });
  const workerC = await buildAccount(db, {
    role: 'worker',
    organisationId: otherOrganisation.id,
    serviceIds: [serviceC.id],
    name: 'Työntekijä C',
  });
  const guardian = await buildAccount(db, { role: 'family', name: 'Huoltaja Testinen' });
  const otherGuardian = await buildAccount(db, { role: 'family', name: 'Huoltaja Muu' });
  const youngMember = await buildAccount(db, { role: 'family', name: 'Nuori Testinen' });
  const manager = await buildAccount(db, { role: 'manager', organisationId: municipality.id });
  const admin = await buildAccount(db, { role: 'admin', organisationId: municipality.id });

  const family = await buildFamily(db, { coordinatorId: coordinator.id, name: 'Perhe Testinen' });
  await buildMember(db, family.id, { relation: 'guardian', accountId: guardian.id, name: 'Huoltaja Testinen' });
  await buildMember(db, family.id, { relation: 'child', name: 'Lapsi Testinen' });
  await buildMember(db, family.id, { relation: 'child', accountId: youngMember.id, name: 'Nuori Testinen' });
  const goal = await buildGoal(db, family.id, 'Aamut sujuvat');
  const roleA = await buildServiceRole(db, family.id, serviceA.id);
  const roleB = await buildServiceRole(db, family.id, serviceB.id);
  const roleCInvited = await buildServiceRole(db, family.id, serviceC.id, { status: 'invited' });
  await buildConsent(db, family.id, serviceA.id, 'goals', true, guardian.id);
  await buildConsent(db, family.id, serviceA.id, 'story', true, guardian.id);
  const actionA = await buildAction(db, family.id, { serviceRoleId: roleA.id, title: 'Kotikäynti A' });
  const actionB = await buildAction(db, family.id, { serviceRoleId: roleB.id, title: 'Tapaaminen B' });
  const familyAction = await buildAction(db, family.id, { serviceRoleId: null, title: 'Perheen oma tehtävä' });

  const otherFamily = await buildFamily(db, { coordinatorId: otherCoordinator.id, name: 'Perhe Muu' });
  await buildMember(db, otherFamily.id, { relation: 'guardian', accountId: otherGuardian.id, name: 'Huoltaja Muu' });
  const otherRoleC = await buildServiceRole(db, otherFamily.id, serviceC.id);
  const otherAction = await buildAction(db, otherFamily.id, { serviceRoleId: otherRoleC.id, title: 'Muun perheen tehtävä' });

  return {
    services: { serviceA, serviceB, serviceC },
    people: { coordinator, otherCoordinator, workerA, workerB, workerC, guardian, youngMember, otherGuardian, manager, admin },
    family,
    goal,
    roles: { roleA, roleB, roleCInvited },
    actions: { actionA, actionB, familyAction },
    otherFamily,
    otherAction,
    otherRole: otherRoleC,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type PersonKey = keyof World['people'];
