import type { FamilyEvent } from '@yhdessa/shared';
import { FamilyEventLog, REPLAY_OVERLAP } from './family-event-log';

const familyId = '00000000-0000-4000-8000-000000000001';
const otherFamilyId = '00000000-0000-4000-8000-000000000002';
const event = (seq: number, family = familyId): FamilyEvent => ({
  type: 'note.created',
  familyId: family,
  id: '00000000-0000-4000-8000-00000000000a',
  version: 1,
  seq,
});

describe('family event log', () => {
  it('when events arrive twice or out of order, then each is applied once', () => {
    const log = new FamilyEventLog();
    const applied = [3, 2, 3, 4, 2, 1, 4].filter((seq) => log.accept(event(seq)));
    expect(applied).toEqual([3, 2, 4, 1]);
  });

  it('when nothing was joined yet, then there is no position to resume from', () => {
    expect(new FamilyEventLog().resumeFrom(familyId)).toBeUndefined();
  });

  it('when the client rejoins, then it asks again from a little before the highest event, so a late one is not lost', () => {
    const log = new FamilyEventLog();
    log.reached(familyId, 100);
    log.accept(event(102));
    expect(log.resumeFrom(familyId)).toBe(102 - REPLAY_OVERLAP);
    // Replayed events it already applied are skipped; the one that arrived late is new.
    expect([101, 102].filter((seq) => log.accept(event(seq)))).toEqual([101]);
    log.reached(familyId, 5);
    expect(log.resumeFrom(otherFamilyId)).toBeUndefined();
    expect(log.resumeFrom(familyId)).toBe(102 - REPLAY_OVERLAP);
  });

  it('when the screen reads everything again, then the log starts over from the head', () => {
    const log = new FamilyEventLog();
    log.accept(event(7));
    log.restart(familyId, 700);
    expect(log.resumeFrom(familyId)).toBe(700 - REPLAY_OVERLAP);
    expect(log.accept(event(7))).toBe(true);
  });

  it('when a family is young, then the position never goes below zero', () => {
    const log = new FamilyEventLog();
    log.reached(familyId, 3);
    expect(log.resumeFrom(familyId)).toBe(0);
  });
});
