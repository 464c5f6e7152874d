import type { Mutation, QueryClient } from '@tanstack/react-query';
import { dehydrate } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  type PersistedClient,
  type Persister,
} from '@tanstack/react-query-persist-client';
import { forgetDrafts } from './draft-storage';
import { isPendingEdit, isWaiting, type QueueContext } from './pending-edits';

/**
 * Pending edits are case data: they are kept in this browser's localStorage only for the account
 * that made them, and only as long as this says (since the tab last changed them). One entry per
 * open tab (its own lock says it is open), so two tabs never send each other's edits; a tab that
 * was closed or reloaded leaves its entry to be taken over by the next tab its account signs in to.
 */
export const pendingEditsMaxAge = 24 * 60 * 60 * 1000;

const prefix = 'yhdessa.pendingEdits.';
const heldSuffix = '.held';

interface Keeper {
  /** This tab's entry; also the name of the lock the tab holds while it is open. */
  key: string;
  /** Whose edits the tab holds: the signed-in account, or the one whose session ended. */
  accountId: string | null;
  /** Takeovers run one after another, so none restores an entry another is taking over. */
  takingOver: Promise<void>;
}

const keepers = new WeakMap<QueryClient, Keeper>();

/**
 * Written at once rather than throttled: a write that landed after a sign-out removed the entries
 * would bring another account's edits back.
 */
function storagePersister(key: string): Persister {
  return {
    persistClient: (client) => window.localStorage.setItem(key, JSON.stringify(client)),
    restoreClient: () => {
      const stored = window.localStorage.getItem(key);
      return stored ? (JSON.parse(stored) as PersistedClient) : undefined;
    },
    removeClient: () => window.localStorage.removeItem(key),
  };
}

function storedKeys(): string[] {
  return Object.keys(window.localStorage).filter((key) => key.startsWith(prefix));
}

const tabOf = (key: string) => (key.endsWith(heldSuffix) ? key.slice(0, -heldSuffix.length) : key);

/** Web Locks tell which tabs are open; a browser without them (or an insecure page) cannot tell. */
function locks(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

async function openTabs(): Promise<Set<string>> {
  const state = await locks()?.query();
  return new Set((state?.held ?? []).flatMap((lock) => (lock.name ? [lock.name] : [])));
}

/** Only one tab at a time takes over what closed tabs left. */
async function oneTabAtATime(work: () => Promise<void>): Promise<void> {
  const manager = locks();
  if (manager) await manager.request(`${prefix}takeover`, work);
  else await work();
}

const dehydrateWaiting = { shouldDehydrateMutation: isWaiting, shouldDehydrateQuery: () => false };

function save(queryClient: QueryClient, keeper: Keeper): void {
  if (keeper.accountId === null) return;
  void persistQueryClientSave({
    queryClient,
    persister: storagePersister(keeper.key),
    buster: keeper.accountId,
    dehydrateOptions: dehydrateWaiting,
  });
}

/**
 * Keeps this client's waiting edits in storage for as long as the client lives (the page); the
 * tab's lock is held as long, so other tabs leave its entry alone.
 */
export function keepPendingEdits(queryClient: QueryClient): void {
  const keeper: Keeper = {
    key: `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`,
    accountId: null,
    takingOver: Promise.resolve(),
  };
  keepers.set(queryClient, keeper);
  void locks()?.request(keeper.key, () => new Promise<void>(() => {}));
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'added' || event.type === 'removed' || event.type === 'updated') save(queryClient, keeper);
  });
}

/**
 * The waiting edits and drafts of another account than the one now signed in are dropped unseen,
 * at once: before any of its screens shows, and before anything could be sent in its name.
 */
export function switchPendingEditsAccount(queryClient: QueryClient, accountId: string): void {
  const keeper = keepers.get(queryClient);
  if (!keeper || keeper.accountId === accountId) return;
  if (keeper.accountId !== null) dropPendingEdits(queryClient);
  forgetDrafts(accountId);
  keeper.accountId = accountId;
}

/**
 * Makes the waiting edits those of the account now signed in. Another account's are dropped
 * unseen (in memory, in storage, and the tab's drafts). This account's edits that this browser
 * keeps, from closed tabs, before a reload or from before its session ended, are taken over;
 * then every waiting edit is sent.
 */
export async function claimPendingEdits(queryClient: QueryClient, accountId: string): Promise<void> {
  switchPendingEditsAccount(queryClient, accountId);
  const keeper = keepers.get(queryClient);
  if (keeper) {
    keeper.takingOver = keeper.takingOver.then(() => takeOverLeftEdits(queryClient, keeper, accountId)).catch(() => undefined);
    await keeper.takingOver;
  }
  void queryClient.resumePausedMutations();
}

async function takeOverLeftEdits(queryClient: QueryClient, keeper: Keeper, accountId: string): Promise<void> {
  if (keeper.accountId !== accountId) return;
  await oneTabAtATime(async () => {
    const open = await openTabs();
    const held = keeper.key + heldSuffix;
    const left = storedKeys().filter((key) => key === held || (key !== keeper.key && !open.has(tabOf(key))));
    for (const key of left)
      // An entry of another account, too old or unreadable is removed without being restored.
      await persistQueryClientRestore({
        queryClient,
        persister: storagePersister(key),
        buster: accountId,
        maxAge: pendingEditsMaxAge,
      }).catch(() => undefined);
    save(queryClient, keeper);
    for (const key of left) window.localStorage.removeItem(key);
  });
}

/**
 * A pending edit that found the session ended is not sent again until its account signs in: it
 * leaves the queue (which would resend it whenever the window regains focus) for storage, from
 * where `claimPendingEdits` brings it back as not yet sent.
 */
export function holdForSignIn(queryClient: QueryClient, mutation: Mutation<unknown, unknown, unknown, unknown>): void {
  const keeper = keepers.get(queryClient);
  if (!keeper?.accountId || !isPendingEdit(mutation)) return;
  const persister = storagePersister(keeper.key + heldSuffix);
  const held = persister.restoreClient() as PersistedClient | undefined;
  const { mutations } = dehydrate(queryClient, {
    shouldDehydrateMutation: (each) => each === mutation,
    shouldDehydrateQuery: () => false,
  });
  const waiting = mutations.map(({ state, ...rest }) => ({
    ...rest,
    state: {
      ...state,
      status: 'pending' as const,
      isPaused: true,
      context: { queued: true } satisfies QueueContext,
      error: null,
      failureCount: 0,
      failureReason: null,
    },
  }));
  void persister.persistClient({
    buster: keeper.accountId,
    timestamp: Date.now(),
    clientState: { queries: [], mutations: [...(held?.clientState.mutations ?? []), ...waiting] },
  });
  queryClient.getMutationCache().remove(mutation);
}

function dropPendingEdits(queryClient: QueryClient): void {
  const cache = queryClient.getMutationCache();
  for (const mutation of cache.getAll()) if (isPendingEdit(mutation)) cache.remove(mutation);
}

/** Signing out leaves nothing of the account's case data in this browser: no waiting edit, no draft. */
export function forgetPendingEdits(queryClient: QueryClient): void {
  const keeper = keepers.get(queryClient);
  if (keeper) keeper.accountId = null;
  dropPendingEdits(queryClient);
  for (const key of storedKeys()) window.localStorage.removeItem(key);
  forgetDrafts(null);
}
