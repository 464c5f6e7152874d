import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { notifications } from '../../db/tables/notifications';
import { outboxOnlyMailer } from '../../mail/mailer';
import { helsinkiToday } from '../../test/dates';
import { startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';
import { sendNotificationDigests } from './notification-digest';
import { insertNotifications, upsertPreferences, type NewNotification } from './notifications.repository';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const settings = () => ({ config: { PUBLIC_URL: 'https://yhdessa.example' }, mailer: outboxOnlyMailer });
/** A moment today in Helsinki (winter offset; in summer it is an hour later there, on the same day). */
const todayAt = (time: string) => new Date(`${helsinkiToday()}T${time}+02:00`);

const notice = (accountId: string, overrides: Partial<NewNotification> = {}): NewNotification => ({
  accountId,
  familyId: world.family.id,
  kind: 'actionAssigned',
  itemId: world.actions.actionA.id,
  serviceRoleId: world.roles.roleA.id,
  details: { title: 'Kotikäynti A', serviceName: { fi: 'Perhetyö' }, dueOn: null },
  actorId: world.people.coordinator.id,
  occasion: null,
  ...overrides,
});

const mailsTo = (email: string) => testApp.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));

describe('sendNotificationDigests', () => {
  it('when a reader wants a kind by e-mail, then once a day, in the morning, they get its counts and links, never what it is about', async () => {
    const { db } = testApp.database;
    const { workerA } = world.people;
    await upsertPreferences(
      workerA.id,
      [
        { kind: 'actionAssigned', inApp: true, emailDigest: true },
        { kind: 'commentAdded', inApp: true, emailDigest: true },
      ],
      db,
    );
    await insertNotifications(
      [
        notice(workerA.id),
        notice(workerA.id, { itemId: world.actions.familyAction.id, serviceRoleId: null }),
        notice(workerA.id, { kind: 'commentAdded', details: { on: 'action', title: 'Kotikäynti A' } }),
        // Not counted: a kind not wanted by e-mail, and one already read.
        notice(workerA.id, { kind: 'reviewScheduled', details: { scheduledOn: helsinkiToday(3) }, serviceRoleId: null }),
        { ...notice(workerA.id), itemId: world.actions.actionB.id },
      ],
      db,
    );
    await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.itemId, world.actions.actionB.id));

    expect(await sendNotificationDigests(testApp.database, settings(), todayAt('05:30:00'))).toBe(0);
    expect(await sendNotificationDigests(testApp.database, settings(), todayAt('09:00:00'))).toBe(1);
    const [mail] = await mailsTo(workerA.email);
    expect(mail!.subject).toBe('Yhdessä: 3 uutta ilmoitusta / nya aviseringar / new notifications');
    expect(mail!.body).toContain('- uusia tehtäviä: 2\n- kommentteja: 1');
    expect(mail!.body).toContain('- new tasks: 2');
    expect(mail!.body).toContain('https://yhdessa.example/notifications/settings');
    for (const secret of ['Perhe Testinen', 'Kotikäynti', 'Koordinaattori']) expect(mail!.body).not.toContain(secret);

    // Once a day, whatever runs again (another instance too).
    expect(await sendNotificationDigests(testApp.database, settings(), todayAt('09:15:00'))).toBe(0);
    expect(await mailsTo(workerA.email)).toHaveLength(1);
  });

  it('when the reader may no longer see the items, or wants no e-mail, then no digest goes out', async () => {
    const { db } = testApp.database;
    const { workerB, guardian } = world.people;
    // Service B does not see the goals: a notification about a goal comment is not counted for it.
    await upsertPreferences(workerB.id, [{ kind: 'commentAdded', inApp: true, emailDigest: true }], db);
    await insertNotifications(
      [
        notice(workerB.id, {
          kind: 'commentAdded',
          itemId: world.goal.id,
          serviceRoleId: null,
          details: { on: 'goal', title: 'x' },
        }),
      ],
      db,
    );
    // The guardian has unread notifications but never asked for e-mail.
    await insertNotifications([notice(guardian.id, { itemId: world.actions.familyAction.id, serviceRoleId: null })], db);

    expect(await sendNotificationDigests(testApp.database, settings(), todayAt('10:00:00'))).toBe(0);
    expect(await mailsTo(workerB.email)).toEqual([]);
    expect(await mailsTo(guardian.email)).toEqual([]);
  });
});
