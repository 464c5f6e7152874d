import { assessmentListSchema, familyListSchema, storyHistorySchema, storySchema } from '@yhdessa/shared';
import { asc } from 'drizzle-orm';
import { addDays } from '../../core/calendar-days';
import { municipalityDate } from '../../core/clock';
import { measurements } from '../../db/tables/measurements';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { demoAccounts } from './demo-accounts';
import { seedDemoWorld } from './seed-demo-world';

jest.setTimeout(60_000);

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ DEMO: '1' });
  await seedDemoWorld(testApp.database.db);
});
afterAll(() => testApp.close());

it('when Anna Virtanen opens her family in the demo, then the story, its history, her comment and two full assessments are there', async () => {
  const agent = await signInAs(testApp.app, demoAccounts.guardian);
  const { families } = familyListSchema.parse((await agent.get('/api/families')).body);
  const virtanen = families.find((family) => family.name === 'Perhe Virtanen')!;

  const story = storySchema.parse((await agent.get(`/api/families/${virtanen.id}/story`)).body);
  expect(story.background).toMatch(/Varkau/);
  expect(story.comments).toHaveLength(1);
  const history = storyHistorySchema.parse((await agent.get(`/api/families/${virtanen.id}/story/history`)).body);
  expect(history.revisions.map((revision) => revision.version)).toEqual([story.version, story.version - 1]);

  const { assessments } = assessmentListSchema.parse((await agent.get(`/api/families/${virtanen.id}/assessments`)).body);
  expect(assessments).toHaveLength(2);
  for (const assessment of assessments) expect(assessment.ratings).toHaveLength(9);
});

it("when the demo's workers open Perhe Virtanen, then family work reads the shared assessment and the school, without that consent, does not", async () => {
  const coordinator = await signInAs(testApp.app, demoAccounts.coordinator);
  const { families } = familyListSchema.parse((await coordinator.get('/api/families')).body);
  const url = `/api/families/${families.find((family) => family.name === 'Perhe Virtanen')!.id}/assessments`;

  expect((await (await signInAs(testApp.app, demoAccounts.familyWorker)).get(url)).status).toBe(200);
  expect((await (await signInAs(testApp.app, demoAccounts.schoolWorker)).get(url)).status).toBe(404);
});

it("when the demo is seeded, then its days count back from today in the municipality, as the product's own dates do", async () => {
  // Between 22:00 and 24:00 UTC the UTC day is still yesterday in Helsinki; the demo's days must not be.
  const [first] = await testApp.database.db
    .select({ takenOn: measurements.takenOn })
    .from(measurements)
    .orderBy(asc(measurements.takenOn))
    .limit(1);
  // The demo family's first meter was filled in 86 days before the day of seeding.
  expect(first?.takenOn).toBe(addDays(municipalityDate(), -86));
});
