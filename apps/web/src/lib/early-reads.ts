/** Where the early-requests script (app/early-requests.ts) keeps the answers it asked for, by address. */
export const EARLY_READS_KEY = 'yhdessaEarlyReads';

/** The early reads as the script leaves them. */
export interface EarlyReads {
  /** Each answer by its address. */
  answers: Record<string, Promise<Response>>;
  /** Settles once the reads that depend on others' answers (a family member's home) are asked for, or not. */
  more: Promise<unknown>;
}

const earlyReads = () => (window as unknown as Record<string, EarlyReads | undefined>)[EARLY_READS_KEY];

/**
 * The answer the page's early-requests script asked for at this address before the entry came, if
 * any came: taken once, so that a later read of the same address asks anew. A read the script makes
 * only once others have answered (a family member's home) is waited for, rather than asked for twice.
 */
export async function takeEarlyRead(address: string): Promise<Response | undefined> {
  const reads = earlyReads();
  if (!reads) return undefined;
  if (!(address in reads.answers)) await reads.more.catch(() => undefined);
  const answer = reads.answers[address];
  delete reads.answers[address];
  // One that failed to come is asked for again by the caller.
  return answer?.catch(() => undefined);
}

/** The early answers are the first screen's: once it is drawn, whatever was not taken is dropped. */
export function dropEarlyReads(): void {
  delete (window as unknown as Record<string, EarlyReads | undefined>)[EARLY_READS_KEY];
}
