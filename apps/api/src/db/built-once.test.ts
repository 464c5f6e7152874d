import { eq, sql } from 'drizzle-orm';
import { openTestDatabase } from '../test/test-database';
import { buildAccount, buildFamily, buildOrganisation } from '../test/factories';
import { builtOnce } from './built-once';
import type { Database } from './database';
import { families } from './tables/families';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('builtOnce', () => {
  it('when a statement runs several times, on the database and in transactions, then it is built once and each run binds its own values and maps its rows', async () => {
    const { db } = database;
    const organisation = await buildOrganisation(db);
    const coordinator = await buildAccount(db, { role: 'coordinator', organisationId: organisation.id });
    const first = await buildFamily(db, { coordinatorId: coordinator.id, name: 'Perhe Yksi' });
    const second = await buildFamily(db, { coordinatorId: coordinator.id, name: 'Perhe Kaksi' });
    let builds = 0;
    const rename = builtOnce<{ id: string; name: string; createdAt: Date }>((builder) => {
      builds += 1;
      return builder
        .update(families)
        .set({ name: sql`${sql.placeholder('name')}` })
        .where(eq(families.id, sql.placeholder('familyId')))
        .returning({ id: families.id, name: families.name, createdAt: families.createdAt });
    });

    const [renamed] = await rename(db, { familyId: first.id, name: 'Perhe Ykkönen' });
    expect(renamed).toEqual({ id: first.id, name: 'Perhe Ykkönen', createdAt: expect.any(Date) });
    await db.transaction(async (tx) => {
      expect(await rename(tx, { familyId: second.id, name: 'Perhe Kakkonen' })).toEqual([
        expect.objectContaining({ id: second.id, name: 'Perhe Kakkonen' }),
      ]);
    });
    await expect(
      db.transaction(async (tx) => {
        await rename(tx, { familyId: second.id, name: 'Perhe Kolmonen' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');

    const names = await db.select({ id: families.id, name: families.name }).from(families);
    expect(names).toEqual(
      expect.arrayContaining([
        { id: first.id, name: 'Perhe Ykkönen' },
        { id: second.id, name: 'Perhe Kakkonen' },
      ]),
    );
    expect(builds).toBe(1);
  });
});
