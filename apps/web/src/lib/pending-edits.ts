import {
  onlineManager,
  useMutation,
  useMutationState,
  type Mutation,
  type MutationOptions,
  type MutationState,
  type QueryClient,
  type UseMutateFunction,
} from '@tanstack/react-query';
import { isApiError } from './api-client';

const root = 'pendingEdit';

/**
 * A kind of change that may be made without a connection (a "pending edit"): while the browser
 * is offline it waits, is kept in this browser for its account (lib/pending-edits-storage.ts),
 * and is sent when the connection returns. Its variables carry everything the request needs, the
 * family too: an edit restored after a reload has no screen to ask.
 */
export interface PendingEditKind<TData, TVariables> {
  readonly mutationKey: readonly [typeof root, string];
  /** How the edit is sent and what it refreshes, for one made on screen and one restored alike. */
  readonly options: (queryClient: QueryClient) => Omit<MutationOptions<TData, Error, TVariables>, 'mutationKey'>;
}

export function pendingEditKind<TData, TVariables>(
  name: string,
  options: PendingEditKind<TData, TVariables>['options'],
): PendingEditKind<TData, TVariables> {
  return { mutationKey: [root, name], options };
}

/** Any kind, whatever its data and variables: each is registered under its own key. */
interface RegisteredKind {
  readonly mutationKey: PendingEditKind<unknown, unknown>['mutationKey'];
  readonly options: (queryClient: QueryClient) => object;
}

/** Tells the client how each kind is sent, so that an edit restored from storage can be. */
export function registerPendingEditKinds(queryClient: QueryClient, kinds: readonly RegisteredKind[]): void {
  for (const kind of kinds)
    queryClient.setMutationDefaults(kind.mutationKey, {
      ...(kind.options(queryClient) as MutationOptions<unknown, Error, unknown>),
      // Unlike other saves, these wait for the connection instead of failing without it.
      networkMode: 'online',
      onMutate: (): QueueContext => ({ queued: !onlineManager.isOnline() }),
    });
}

/**
 * Whether an edit went to the queue: made offline, or kept after the session ended. Its form has
 * let go of it, so what becomes of it is told on the item.
 */
export interface QueueContext {
  queued: boolean;
}

export function isPendingEdit(mutation: { options: { mutationKey?: readonly unknown[] } }): boolean {
  return mutation.options.mutationKey?.[0] === root;
}

/** Waiting for the connection, not yet sent. */
export function isWaiting(mutation: Mutation): boolean {
  return isPendingEdit(mutation) && mutation.state.isPaused;
}

/** Sends an edit of this kind; its function and handlers are those registered for the kind. */
export function usePendingEdit<TData, TVariables>(kind: PendingEditKind<TData, TVariables>) {
  return useMutation<TData, Error, TVariables>({ mutationKey: kind.mutationKey });
}

export interface PendingEditState<TVariables> extends Pick<
  MutationState<unknown, Error, TVariables>,
  'status' | 'isPaused' | 'error' | 'submittedAt'
> {
  mutationId: number;
  variables: TVariables;
  /** It went through the queue (see QueueContext): its item, not a form, tells what became of it. */
  queued: boolean;
}

/**
 * The edits of a kind that `matches` picks (e.g. those of one action), oldest first, however they
 * were made: on this screen, on another, or before a reload.
 */
export function usePendingEditStates<TData, TVariables>(
  kind: PendingEditKind<TData, TVariables>,
  matches: (variables: TVariables) => boolean,
): PendingEditState<TVariables>[] {
  return useMutationState({
    filters: {
      mutationKey: kind.mutationKey,
      predicate: (mutation) => mutation.state.variables !== undefined && matches(mutation.state.variables as TVariables),
    },
    select: (mutation): PendingEditState<TVariables> => ({
      mutationId: mutation.mutationId,
      status: mutation.state.status,
      isPaused: mutation.state.isPaused,
      error: mutation.state.error,
      submittedAt: mutation.state.submittedAt,
      variables: mutation.state.variables as TVariables,
      queued: mutation.state.isPaused || (mutation.state.context as QueueContext | undefined)?.queued === true,
    }),
  });
}

/** How many edits wait for the connection, of every kind. */
export function usePendingEditCount(): number {
  return useMutationState({ filters: { predicate: isWaiting } }).length;
}

interface PendingEditSender<TData, TVariables> {
  mutate: UseMutateFunction<TData, Error, TVariables>;
  reset: () => void;
}

/**
 * Sends an edit. `accepted` runs once the edit is safe: saved on the server, or waiting in this
 * browser to be sent later (made offline, or kept after the session ended), so a form can empty.
 * One made offline is left to the queue: the form's own state no longer follows it, and whatever
 * becomes of it shows on the item (usePendingEditStates).
 */
export function submitPendingEdit<TData, TVariables>(
  sender: PendingEditSender<TData, TVariables>,
  variables: TVariables,
  accepted: () => void,
): void {
  if (!onlineManager.isOnline()) {
    sender.mutate(variables);
    sender.reset();
    accepted();
    return;
  }
  sender.mutate(variables, {
    onSuccess: () => accepted(),
    onError: (error) => {
      if (isApiError(error, 'unauthenticated')) accepted();
    },
  });
}

/**
 * Takes a waiting edit of a kind off the queue, so a newer one can replace it; returns its
 * variables (e.g. to merge them into the newer one), or undefined when none was waiting.
 */
export function takeWaitingEdit<TData, TVariables>(
  queryClient: QueryClient,
  kind: PendingEditKind<TData, TVariables>,
  matches: (variables: TVariables) => boolean,
): TVariables | undefined {
  const cache = queryClient.getMutationCache();
  const waiting = cache
    .findAll({ mutationKey: kind.mutationKey, predicate: isWaiting })
    .filter((mutation) => matches(mutation.state.variables as TVariables));
  for (const mutation of waiting) cache.remove(mutation);
  return waiting.at(-1)?.state.variables as TVariables | undefined;
}

/** The user drops an edit that the server refused, or that failed, instead of trying again. */
export function discardPendingEdit(queryClient: QueryClient, mutationId: number): void {
  const cache = queryClient.getMutationCache();
  const mutation = cache.getAll().find((each) => each.mutationId === mutationId);
  if (mutation) cache.remove(mutation);
}
