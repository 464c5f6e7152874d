import { desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { buildAccount, buildOrganisation, buildService } from '../test/factories';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { SENT_BODY_MARKER } from './mail-outbox.repository';
import { mailOutbox } from '../db/tables/mail-outbox';

jest.setTimeout(30_000);

async function inviteWorker(testApp: TestApp, email: string) {
  const db = testApp.database.db;
  const organisation = await buildOrganisation(db);
  const service = await buildService(db, organisation.id);
  // Only an administrator adds a worker to a service.
  const admin = await buildAccount(db, { role: 'admin', organisationId: organisation.id });
  const agent = await signInAs(testApp.app, admin);
  await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Posti Testinen', serviceId: service.id }).expect(201);
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt));
  return row!;
}

describe('the mail outbox', () => {
  it('when SMTP accepted a mail, then the outbox keeps no body, token or link of it', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    transport.use('compile', (mail, done) => {
      sent.push(String(mail.data.text));
      done();
    });
    const testApp = await startTestApp({}, { mailTransport: transport });
    try {
      const row = await inviteWorker(testApp, 'posti.lahti@test.example');
      const token = /\/kutsu\/([A-Za-z0-9_-]+)/.exec(sent[0]!)![1]!;
      expect(row.sentAt).not.toBeNull();
      expect(row.body).toBe(SENT_BODY_MARKER);
      const everything = JSON.stringify(await testApp.database.db.select().from(mailOutbox));
      expect(everything).not.toContain(token);
      expect(everything).not.toContain('/kutsu/');
    } finally {
      await testApp.close();
    }
  });

  it('when SMTP refused a mail, then the outbox keeps its body for sending again', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    transport.use('compile', (_mail, done) => done(new Error('mail server down')));
    const testApp = await startTestApp({}, { mailTransport: transport });
    try {
      const row = await inviteWorker(testApp, 'posti.hylatty@test.example');
      expect(row.sentAt).toBeNull();
      expect(row.body).toContain('/kutsu/');
    } finally {
      await testApp.close();
    }
  });

  it('when there is no SMTP, then the mail stays whole in the development outbox', async () => {
    const testApp = await startTestApp();
    try {
      const row = await inviteWorker(testApp, 'posti.kehitys@test.example');
      expect(row.sentAt).toBeNull();
      expect(row.body).toContain('/kutsu/');
    } finally {
      await testApp.close();
    }
  });
});
