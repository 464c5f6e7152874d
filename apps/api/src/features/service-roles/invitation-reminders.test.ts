import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';
import { addWorkingDays, findInvitationsNeedingReminder, reminderDueAt, sendInvitationReminders } from './invitation-reminders';
import { serviceRoles } from '../../db/tables/service-roles';

describe('reminderDueAt: two working days after the invitation', () => {
  it.each([
    ['Monday 10:00', '2025-03-03T10:00:00Z', '2025-03-05T10:00:00.000Z'],
    ['Wednesday 10:00', '2025-03-05T10:00:00Z', '2025-03-07T10:00:00.000Z'],
    ['Thursday 10:00', '2025-03-06T10:00:00Z', '2025-03-10T10:00:00.000Z'],
    ['Friday 10:00', '2025-03-07T10:00:00Z', '2025-03-11T10:00:00.000Z'],
    ['Saturday 10:00', '2025-03-08T10:00:00Z', '2025-03-11T10:00:00.000Z'],
    ['Sunday 23:59', '2025-03-09T23:59:00Z', '2025-03-11T23:59:00.000Z'],
  ])('when invited on %s, then the reminder is due at %s', (_day, invitedAt, due) => {
    expect(reminderDueAt(new Date(invitedAt)).toISOString()).toBe(due);
  });

  it('when no working days are added, then the moment stays', () => {
    expect(addWorkingDays(new Date('2025-03-08T10:00:00Z'), 0).toISOString()).toBe('2025-03-08T10:00:00.000Z');
  });
});

describe('sendInvitationReminders', () => {
  let testApp: TestApp;
  let world: World;
  beforeAll(async () => {
    testApp = await startTestApp();
    world = await buildWorld(testApp.database.db);
  });
  afterAll(() => testApp.close());

  it('when an invitation is unanswered for two working days, then its workers get one mail, once, and it is marked', async () => {
    const db = testApp.database.db;
    const invitedAt = new Date('2025-03-06T10:00:00Z'); // a Thursday: due on Monday 10:00
    await db.update(serviceRoles).set({ invitedAt }).where(eq(serviceRoles.id, world.roles.roleCInvited.id));

    const early = await db.transaction((tx) => findInvitationsNeedingReminder(new Date('2025-03-10T09:59:00Z'), tx));
    expect(early.map((row) => row.id)).not.toContain(world.roles.roleCInvited.id);

    const now = new Date('2025-03-10T10:00:00Z');
    expect(await sendInvitationReminders(testApp.database, now)).toBe(1);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, world.people.workerC.email));
    expect(mails).toEqual([expect.objectContaining({ subject: expect.stringContaining('Kutsu') })]);
    expect(mails[0]!.body).not.toContain(world.family.name);
    const [role] = await db.select().from(serviceRoles).where(eq(serviceRoles.id, world.roles.roleCInvited.id));
    expect(role!.reminderSentAt?.toISOString()).toBe(now.toISOString());

    expect(await sendInvitationReminders(testApp.database, new Date('2025-03-12T10:00:00Z'))).toBe(0);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, world.people.workerC.email))).toHaveLength(1);
  });
});
