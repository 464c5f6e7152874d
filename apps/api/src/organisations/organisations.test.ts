import { organisationListSchema } from '@yhdessa/shared';
import request from 'supertest';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { buildWorld, type PersonKey, type World } from '../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

describe('the organisations', () => {
  it('when the administrator reads them, then every organisation is listed by name', async () => {
    const response = await (await signInAs(testApp.app, world.people.admin)).get('/api/organisations');
    expect(response.status).toBe(200);
    expect(organisationListSchema.parse(response.body).organisations.map((organisation) => organisation.name)).toEqual([
      'Naapurikunta',
      'Testikunta',
    ]);
  });

  it.each<PersonKey>(['coordinator', 'workerA', 'guardian', 'manager'])('when %s reads them, then 404', async (person) => {
    expect((await (await signInAs(testApp.app, world.people[person])).get('/api/organisations')).status).toBe(404);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await request(testApp.app).get('/api/organisations')).status).toBe(401);
  });
});
