import { eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { accounts } from '../../db/tables/accounts';
import { families } from '../../db/tables/families';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';
import { createMailer, outboxOnlyMailer, type MailSettings } from '../../mail/mailer';
import { buildAccount, buildService, buildServiceRole } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';
import { findInvitationsNeedingReminder, reminderDueAt, sendInvitationReminders } from './invitation-reminders';

const PUBLIC_URL = 'https://yhdessa.test.example';
const settings: MailSettings = { config: { PUBLIC_URL }, mailer: outboxOnlyMailer };

let testApp: TestApp;
let world: World;
beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

/** An unanswered invitation of the service, sent at `invitedAt`. */
async function invitation(serviceId: string, invitedAt: string, familyId = world.family.id) {
  const role = await buildServiceRole(testApp.database.db, familyId, serviceId, { status: 'invited' });
  await testApp.database.db
    .update(serviceRoles)
    .set({ invitedAt: new Date(invitedAt) })
    .where(eq(serviceRoles.id, role.id));
  return role.id;
}

async function reminderState(id: string) {
  const [row] = await testApp.database.db
    .select({ sentAt: serviceRoles.reminderSentAt, recipients: serviceRoles.reminderRecipients })
    .from(serviceRoles)
    .where(eq(serviceRoles.id, id));
  return { sentAt: row!.sentAt?.toISOString() ?? null, recipients: row!.recipients };
}

const mailsTo = (address: string) => testApp.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, address));
const remindedIds = async (now: string) =>
  (await sendInvitationReminders(testApp.database, settings, new Date(now))).reminded.map((each) => each.id);

describe('sendInvitationReminders', () => {
  it("when an invitation is unanswered for two working days, then the service's workers get one reminder, once, and it is recorded", async () => {
    const id = await invitation(world.services.serviceC.id, '2025-03-06T10:00:00Z'); // a Thursday: due Monday 10:00 UTC
    const early = await testApp.database.db.transaction((tx) =>
      findInvitationsNeedingReminder(new Date('2025-03-10T09:59:00Z'), tx),
    );
    expect(early.map((row) => row.id)).not.toContain(id);

    expect(await remindedIds('2025-03-10T10:00:00Z')).toContain(id);
    const mails = await mailsTo(world.people.workerC.email);
    const reminders = mails.filter((mail) => mail.subject.startsWith('Muistutus'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('6.3.2025');
    expect(reminders[0]!.body).toContain(PUBLIC_URL);
    expect(reminders[0]!.body).not.toContain(world.family.name);
    expect(await reminderState(id)).toEqual({ sentAt: '2025-03-10T10:00:00.000Z', recipients: 1 });

    expect(await remindedIds('2025-03-12T10:00:00Z')).not.toContain(id);
    expect((await mailsTo(world.people.workerC.email)).filter((mail) => mail.subject.startsWith('Muistutus'))).toHaveLength(1);
  });

  it.each([
    // Without the holiday Tuesday 7 December would be the second working day.
    ['Independence Day falls on a Monday', '2027-12-03T10:00:00Z', '2027-12-07T10:00:00Z', '2027-12-08T10:00:00Z'],
    // Good Friday and Easter Monday: without them Monday 6 April.
    ['Easter falls between', '2026-04-02T10:00:00Z', '2026-04-06T10:00:00Z', '2026-04-08T10:00:00Z'],
  ])('when %s, then the reminder waits for the second working day after it', async (_case, invitedAt, notYet, due) => {
    const id = await invitation(world.services.serviceC.id, invitedAt);
    expect(reminderDueAt(new Date(invitedAt)).toISOString()).toBe(new Date(due).toISOString());
    expect(await remindedIds(notYet)).not.toContain(id);
    expect(await remindedIds(due)).toContain(id);
  });

  it('when the service has no workers, then the reminder goes to the e-mail address in its contact details', async () => {
    const service = await buildService(testApp.database.db, world.services.serviceA.organisationId, 'Kumppani ilman tunnuksia');
    await testApp.database.db
      .update(services)
      .set({ contact: 'Vaihde 017 555 0000, toimisto@kumppani.example' })
      .where(eq(services.id, service.id));
    const id = await invitation(service.id, '2025-05-05T08:00:00Z');
    expect(await remindedIds('2025-05-07T08:00:00Z')).toContain(id);
    expect(await mailsTo('toimisto@kumppani.example')).toEqual([
      expect.objectContaining({ subject: expect.stringMatching(/^Muistutus/) }),
    ]);
    expect(await reminderState(id)).toMatchObject({ recipients: 1 });
  });

  it('when the service has neither workers nor an e-mail address, then the reminder is recorded as reaching no one, once', async () => {
    const service = await buildService(testApp.database.db, world.services.serviceA.organisationId, 'Kumppani puhelimella');
    await testApp.database.db
      .update(services)
      .set({ contact: 'Puh. 017 555 0001 (toimisto@)' })
      .where(eq(services.id, service.id));
    const id = await invitation(service.id, '2025-05-05T08:00:00Z');
    const outboxBefore = (await testApp.database.db.select().from(mailOutbox)).length;
    expect(await remindedIds('2025-05-07T08:00:00Z')).toContain(id);
    expect(await reminderState(id)).toEqual({ sentAt: '2025-05-07T08:00:00.000Z', recipients: 0 });
    expect((await testApp.database.db.select().from(mailOutbox)).length).toBe(outboxBefore);
    expect(await remindedIds('2025-05-09T08:00:00Z')).not.toContain(id);
  });

  it('when a worker is disabled, then only the enabled workers are reminded', async () => {
    const service = await buildService(testApp.database.db, world.services.serviceA.organisationId, 'Kaksi työntekijää');
    const enabled = await buildAccount(testApp.database.db, { role: 'worker', serviceIds: [service.id] });
    const disabled = await buildAccount(testApp.database.db, { role: 'worker', serviceIds: [service.id] });
    await testApp.database.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, disabled.id));
    const id = await invitation(service.id, '2025-05-05T08:00:00Z');
    expect(await remindedIds('2025-05-07T08:00:00Z')).toContain(id);
    expect(await mailsTo(enabled.email)).toHaveLength(1);
    expect(await mailsTo(disabled.email)).toHaveLength(0);
  });

  it('when the invitation was answered or the case closed, then no reminder goes', async () => {
    const answered = await invitation(world.services.serviceC.id, '2025-06-02T08:00:00Z');
    await testApp.database.db.update(serviceRoles).set({ status: 'declined' }).where(eq(serviceRoles.id, answered));
    const closedFamily = (
      await testApp.database.db
        .insert(families)
        .values({ name: 'Perhe Päättynyt', coordinatorId: world.people.coordinator.id, status: 'closed' })
        .returning()
    )[0]!;
    const inClosedCase = await invitation(world.services.serviceC.id, '2025-06-02T08:00:00Z', closedFamily.id);
    const reminded = await remindedIds('2025-06-10T08:00:00Z');
    expect(reminded).not.toContain(answered);
    expect(reminded).not.toContain(inClosedCase);
    const rows = await testApp.database.db
      .select({ sentAt: serviceRoles.reminderSentAt })
      .from(serviceRoles)
      .where(inArray(serviceRoles.id, [answered, inClosedCase]));
    expect(rows.map((row) => row.sentAt)).toEqual([null, null]);
  });

  it('when SMTP is set up, then the reminder is handed to the mail server after it is recorded, and marked sent in the outbox', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const mailer = createMailer({ transport, database: testApp.database, from: 'yhdessa@test.example' });
    const service = await buildService(testApp.database.db, world.services.serviceA.organisationId, 'SMTP-palvelu');
    const worker = await buildAccount(testApp.database.db, { role: 'worker', serviceIds: [service.id] });
    const id = await invitation(service.id, '2025-05-05T08:00:00Z');
    const result = await sendInvitationReminders(
      testApp.database,
      { config: { PUBLIC_URL }, mailer },
      new Date('2025-05-07T08:00:00Z'),
    );
    expect(result.reminded.map((each) => each.id)).toContain(id);
    expect(result.failedMails).toBe(0);
    const [mail] = await mailsTo(worker.email);
    expect(mail!.sentAt).not.toBeNull();
  });
});
