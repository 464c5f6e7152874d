import type { FamilyEvent } from '@yhdessa/shared';
import { changeKindOf, type ChangeKind } from './change-kinds';

/** What reached the screen after the live connection came back. */
export interface AwaySummary {
  /** Changes by kind, as replayed from the server's log. */
  kinds: Partial<Record<ChangeKind, number>>;
  /** Too much was missed to replay: the screen read everything again. */
  readAgain: boolean;
}

/** The summary of what a reconnect brought, for the connection banner to tell. */
export class AwayChanges {
  private summary: AwaySummary | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): AwaySummary | null => this.summary;

  /** After a rejoin: the replayed events, or that everything was read again. */
  report(events: readonly FamilyEvent[], readAgain = false): void {
    const kinds = { ...this.summary?.kinds };
    for (const event of events) {
      const kind = changeKindOf[event.type];
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    this.summary = { kinds, readAgain: readAgain || (this.summary?.readAgain ?? false) };
    this.notify();
  }

  /** The connection dropped again, or the person closed the summary. */
  clear(): void {
    if (this.summary === null) return;
    this.summary = null;
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
