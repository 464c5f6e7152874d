import { assessmentDomains, type AssessmentDomain } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { measurementScores, measurements } from '../../db/tables/measurements';
import { buildAccount, buildFamily, buildMember, buildOrganisation } from '../../test/factories';
import { wellbeingChanges, type WellbeingMeter } from '../../test/insights-reference';
import { startTestApp, type TestApp } from '../../test/test-app';
import { listWellbeingChangesOfAllFamilies } from './outcomes.repository';

let testApp: TestApp;

/** A draw from the keys, 0 to n - 1: the same data on every run. */
const draw = (n: number, ...keys: number[]) =>
  keys.reduce((hash, key) => Math.imul(hash ^ key, 2_654_435_761) >>> 0, 2_166_136_261) % n;

/**
 * Twenty families, each with one to three members who filled in one to four meters: some pairs
 * under 90 days apart and some over, the members of a family with their first meters on one day or
 * on different days, and domains skipped.
 */
beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  const coordinator = await buildAccount(db, { role: 'coordinator', organisationId: (await buildOrganisation(db)).id });
  for (let n = 0; n < 20; n += 1) {
    const family = await buildFamily(db, { coordinatorId: coordinator.id, name: `Perhe ${n}` });
    for (let m = 0; m <= draw(3, n, 1); m += 1) {
      const member = await buildMember(db, family.id, { name: `Jäsen ${n}-${m}` });
      for (let k = 0; k <= draw(4, n, m, 2); k += 1) {
        // In even families every member's first meter is on one day; in odd ones on days of their own.
        const first = n % 2 === 0 ? 0 : draw(30, n, m);
        const day = new Date(Date.UTC(2024, 0, 10 + first + (k === 0 ? 0 : 40 * k + draw(60, n, m, k))));
        const [meter] = await db
          .insert(measurements)
          .values({
            familyId: family.id,
            takenOn: day.toISOString().slice(0, 10),
            occasion: k === 0 ? 'start' : 'review',
            respondentVersion: 'adult',
            memberId: member.id,
            recordedBy: coordinator.id,
          })
          .returning();
        const answered = assessmentDomains.filter((_, d) => draw(5, n, m, k, d) > 0);
        if (answered.length > 0)
          await db.insert(measurementScores).values(
            answered.map((domain, d) => ({
              measurementId: meter!.id,
              familyId: family.id,
              domain,
              score: 1 + draw(5, n, m, k, d, 7),
            })),
          );
      }
    }
  }
});

afterAll(() => testApp?.close());

/** Every meter with its scores, oldest first: what the reference `wellbeingChanges` takes. */
async function listMeters(db: Queryable): Promise<WellbeingMeter[]> {
  const rows = await queryRows<{
    family_id: string;
    member_id: string;
    taken_on: string;
    scores: Partial<Record<AssessmentDomain, number>>;
  }>(
    db,
    sql`select m.family_id, m.member_id, to_char(m.taken_on, 'YYYY-MM-DD') as taken_on,
          coalesce(jsonb_object_agg(s.domain, s.score) filter (where s.domain is not null), '{}'::jsonb) as scores
        from measurements m left join measurement_scores s on s.measurement_id = m.id
        group by m.id order by m.taken_on, m.created_at`,
  );
  return rows.map((row) => ({ familyId: row.family_id, memberId: row.member_id, takenOn: row.taken_on, scores: row.scores }));
}

describe("the families' wellbeing changes worked out in the database", () => {
  it('when the meters are many and varied, then the changes are those worked out from the meters', async () => {
    const { db } = testApp.database;
    const byFamily = (a: { familyId: string }, b: { familyId: string }) => (a.familyId < b.familyId ? -1 : 1);
    const expected = wellbeingChanges(await listMeters(db)).sort(byFamily);
    expect((await listWellbeingChangesOfAllFamilies(db)).sort(byFamily)).toEqual(expected);
    // The data has what the comparison is for: families left out, and families improved and not.
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(20);
    expect(new Set(expected.map((change) => change.improved))).toEqual(new Set([true, false]));
  });
});
