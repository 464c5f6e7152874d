/**
 * The realtime benchmark's world, written straight into the API's database with the API's test
 * factories: families, each with a coordinator, two services' workers and two family members with
 * logins, a signed-in session for each of them, and one family action the coordinator edits.
 */
import {
  buildAccount,
  buildAction,
  buildFamily,
  buildMember,
  buildOrganisation,
  buildService,
  buildServiceRole,
} from '../apps/api/src/test/factories';
import { sessionCookieFor } from '../apps/api/src/test/sessions';
import type { Queryable } from '../apps/api/src/db/database';

export interface BenchFamily {
  id: string;
  actionId: string;
  /** The action's version now; each edit moves it on by one. */
  version: number;
  /** The coordinator's session cookie: the coordinator edits. */
  editorCookie: string;
  /** One session cookie per person who keeps the plan open. */
  viewerCookies: string[];
}

/** The people of one family; the benchmark's clients are spread over them. */
const PEOPLE_PER_FAMILY = 5;

/** `clients` sessions over `familyCount` families, as evenly as they go (five people per family, more sessions each when needed). */
export async function buildRealtimeWorld(db: Queryable, familyCount: number, clients: number): Promise<BenchFamily[]> {
  const organisation = await buildOrganisation(db, 'Penkkikunta');
  const families: BenchFamily[] = [];
  for (let index = 0; index < familyCount; index += 1) {
    const coordinator = await buildAccount(db, {
      role: 'coordinator',
      organisationId: organisation.id,
      name: `Koordinaattori ${index}`,
    });
    const family = await buildFamily(db, { coordinatorId: coordinator.id, name: `Penkkiperhe ${index}` });
    const people = [coordinator];
    for (const service of ['Perhetyö', 'Koulukuraattori']) {
      const created = await buildService(db, organisation.id, `${service} ${index}`);
      await buildServiceRole(db, family.id, created.id);
      people.push(
        await buildAccount(db, {
          role: 'worker',
          organisationId: organisation.id,
          serviceIds: [created.id],
          name: `${service} ${index}`,
        }),
      );
    }
    for (const relation of ['guardian', 'child'] as const) {
      const member = await buildAccount(db, { role: 'family', name: `Jäsen ${index} ${relation}` });
      await buildMember(db, family.id, { relation, accountId: member.id, name: member.name });
      people.push(member);
    }
    const action = await buildAction(db, family.id, { serviceRoleId: null, title: 'Perheen oma tehtävä' });
    const sessions = Math.floor(clients / familyCount) + (index < clients % familyCount ? 1 : 0);
    const viewerCookies: string[] = [];
    for (let session = 0; session < sessions; session += 1)
      viewerCookies.push(await sessionCookieFor(db, people[session % PEOPLE_PER_FAMILY]!.id));
    families.push({
      id: family.id,
      actionId: action.id,
      version: action.version,
      editorCookie: await sessionCookieFor(db, coordinator.id),
      viewerCookies,
    });
  }
  return families;
}
