import { referenceCostListSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { helsinkiToday } from '../../test/dates';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const placementOf = (body: unknown) =>
  referenceCostListSchema.parse(body).referenceCosts.find((cost) => cost.kind === 'placement-outside-home')!;

describe('reference costs', () => {
  it('when a manager sets a new figure from today, then it is the one valid today, the old period stays, and it is audited', async () => {
    const manager = await agentOf('manager');
    const response = await manager
      .post('/api/reference-costs/placement-outside-home/periods')
      .send({ yearlyCostCents: 13_500_000 });
    expect(response.status).toBe(201);
    expect(placementOf(response.body)).toEqual({
      kind: 'placement-outside-home',
      yearlyCostCents: 13_500_000,
      validFrom: helsinkiToday(),
      periods: [
        { validFrom: '2000-01-01', yearlyCostCents: 13_000_000 },
        { validFrom: helsinkiToday(), yearlyCostCents: 13_500_000 },
      ],
    });
    const [audit] = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resource, 'reference-cost'));
    expect(audit).toMatchObject({ action: 'update', resourceId: 'placement-outside-home', basis: 'manager', familyId: null });
    expect(audit!.detail).toEqual({ validFrom: helsinkiToday(), from: 13_000_000, to: 13_500_000 });
  });

  it('when an administrator sets a figure from a later date, then today the figure before it still applies', async () => {
    const admin = await agentOf('admin');
    const response = await admin
      .post('/api/reference-costs/placement-outside-home/periods')
      .send({ yearlyCostCents: 20_000_000, validFrom: '2099-01-01' })
      .expect(201);
    expect(placementOf(response.body)).toMatchObject({ yearlyCostCents: 13_500_000, validFrom: helsinkiToday() });
  });

  it.each<[PersonKey, number, number]>([
    ['coordinator', 200, 404],
    ['workerA', 200, 404],
    ['guardian', 404, 404],
  ])('when %s reads and sets a figure, then %i and %i', async (person, read, set) => {
    const agent = await agentOf(person);
    expect((await agent.get('/api/reference-costs')).status).toBe(read);
    expect((await agent.post('/api/reference-costs/prison/periods').send({ yearlyCostCents: 1 })).status).toBe(set);
  });

  it.each([
    ['an unknown kind', '/api/reference-costs/hospital/periods', { yearlyCostCents: 1 }],
    ['euros with decimals', '/api/reference-costs/prison/periods', { yearlyCostCents: 7_800_000.5 }],
    ['a bad date', '/api/reference-costs/prison/periods', { yearlyCostCents: 1, validFrom: '2025-13-01' }],
  ])('when the request has %s, then 400', async (_case, path, body) => {
    expect((await (await agentOf('manager')).post(path).send(body)).status).toBe(400);
  });
});
