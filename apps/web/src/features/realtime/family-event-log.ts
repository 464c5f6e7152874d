import type { FamilyEvent } from '@yhdessa/shared';

/**
 * On rejoining, ask again from this many events back: two changes that commit together may
 * arrive in either order, and one arriving just before a drop must not hide the other.
 */
export const REPLAY_OVERLAP = 20;
/** Sequence numbers remembered below the highest one, so a late duplicate is still recognised. */
const REMEMBERED = 1_000;

interface FamilyPosition {
  highest: number;
  applied: Set<number>;
}

/**
 * Where the client is in each family's event log: which events it applied (each once, in
 * whatever order they arrive) and where to resume after a drop.
 */
export class FamilyEventLog {
  private readonly families = new Map<string, FamilyPosition>();

  /** The position to ask the server from on rejoining; undefined before the first join. */
  resumeFrom(familyId: string): number | undefined {
    const position = this.families.get(familyId);
    return position && Math.max(0, position.highest - REPLAY_OVERLAP);
  }

  /** Whether the event is new to this client; it is counted as applied from now on. */
  accept(event: FamilyEvent): boolean {
    const position = this.positionOf(event.familyId);
    if (position.applied.has(event.seq)) return false;
    position.applied.add(event.seq);
    if (event.seq > position.highest) position.highest = event.seq;
    for (const seq of position.applied) if (seq < position.highest - REMEMBERED) position.applied.delete(seq);
    return true;
  }

  /** A join told the family's head: everything up to it has been replayed or did not concern us. */
  reached(familyId: string, headSeq: number): void {
    const position = this.positionOf(familyId);
    position.highest = Math.max(position.highest, headSeq);
  }

  /** The screen reads everything again: only the head is known, nothing before it is remembered. */
  restart(familyId: string, headSeq: number): void {
    this.families.set(familyId, { highest: headSeq, applied: new Set() });
  }

  private positionOf(familyId: string): FamilyPosition {
    let position = this.families.get(familyId);
    if (!position) {
      position = { highest: 0, applied: new Set() };
      this.families.set(familyId, position);
    }
    return position;
  }
}
