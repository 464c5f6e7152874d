import request from 'supertest';
import { eq } from 'drizzle-orm';
import { buildAccount, buildFamily, buildMember, buildOrganisation } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { accounts } from '../../db/tables/accounts';
import { passwordWeakness } from './password-policy';

jest.setTimeout(30_000);

const person = { name: 'Tiina Virtanen', email: 'tiina.virtanen@example.fi' };

describe('the password policy', () => {
  it.each([
    ['password1234', 'common'],
    ['Password1234!', 'common'],
    ['qwertyuiop12', 'common'],
    ['123456789012', 'common'],
    ['iloveyou2024', 'common'],
    ['TiinaVirtanen2024', 'personal'],
    ['tiina.virtanen@example.fi', 'personal'],
    ['virtanen-tiina-1', 'personal'],
  ] as const)('when the password is %s, then it is refused as %s', (password, weakness) => {
    expect(passwordWeakness(password, person)).toBe(weakness);
  });

  it.each(['correct horse battery staple', 'Kahvikuppi-Sininen-42', 'iloinen kettu juoksee', 'a quite long new password'])(
    'when the password is %s, then it may be used',
    (password) => {
      expect(passwordWeakness(password, person)).toBeNull();
    },
  );
});

describe('setting a password with an invitation link', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('when the password is common or close to the name or email, then 400 names the password and the link still works', async () => {
    const db = testApp.database.db;
    const organisation = await buildOrganisation(db);
    const coordinator = await buildAccount(db, { role: 'coordinator', organisationId: organisation.id });
    const family = await buildFamily(db, { coordinatorId: coordinator.id });
    const member = await buildMember(db, family.id, { name: 'Ville Vanhempi' });
    const agent = await signInAs(testApp.app, coordinator);
    const email = 'ville.vanhempi@test.example';
    await agent
      .post('/api/invitations')
      .send({ kind: 'family-member', familyId: family.id, memberId: member.id, email })
      .expect(201);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    const token = /\/kutsu\/([A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;

    for (const password of ['password1234', 'VilleVanhempi1', 'ville.vanhempi@test.example']) {
      const response = await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.password' }] });
      expect(response.body.errors[0].message).toMatch(/common|name or email/);
    }
    const [account] = await db.select().from(accounts).where(eq(accounts.email, email));
    expect(account!.passwordHash).toBeNull();
    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: 'Kahvikuppi-Sininen-42' }).expect(204);
  });
});
