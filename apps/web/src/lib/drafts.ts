import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import { useState } from 'react';
import { queryKeys } from './query-keys';

const prefix = 'yhdessa.draft.';

/** Whose draft of which form: one per account, family, form and, for an edit, the item. */
export interface DraftKey {
  familyId: string;
  form: string;
  item?: string;
}

interface StoredDraft<Values> {
  values: Values;
  /** The version of the item the edit started from. */
  version?: number;
}

function storageKey(accountId: string, { familyId, form, item }: DraftKey): string {
  return [`${prefix}${accountId}`, familyId, form, ...(item ? [item] : [])].join('.');
}

function useStorageKey(key: DraftKey | undefined): string | null {
  const accountId = useQueryClient().getQueryData<CurrentUser | null>(queryKeys.currentUser)?.id;
  return accountId && key ? storageKey(accountId, key) : null;
}

function readDraft<Values>(storage: string | null): StoredDraft<Values> | null {
  const stored = storage ? window.sessionStorage.getItem(storage) : null;
  if (!stored) return null;
  try {
    return JSON.parse(stored) as StoredDraft<Values>;
  } catch {
    return null;
  }
}

/** Whether a form has unsaved input from before, so the screen can open it again where the user left it. */
export function useHasDraft(key: DraftKey | undefined): boolean {
  const storage = useStorageKey(key);
  const [has] = useState(() => readDraft(storage) !== null);
  return has;
}

interface DraftFormInput<Values> extends UseFormInput<Values> {
  initialValues: Values;
  /** For an edit: the version of the item the form starts from. */
  version?: number;
}

export interface DraftForm<Values> {
  form: UseFormReturnType<Values>;
  /** The version to save against: a restored draft's own, so a change saved meanwhile comes up as a conflict. */
  version: number | undefined;
  /** After a save the server has (or that waits to be sent), or a cancel: the draft is done with. */
  clearDraft: () => void;
}

/**
 * A Mantine form whose unsaved input is kept, while it is written, in this tab's sessionStorage for
 * the signed-in account, so that it survives a reload and signing in again after the session ended.
 * Input equal to where the form started is no draft.
 */
export function useDraftForm<Values extends object>(
  key: DraftKey,
  { version, ...input }: DraftFormInput<Values>,
): DraftForm<Values> {
  const storage = useStorageKey(key);
  const [restored] = useState(() => readDraft<Values>(storage));
  const startedFrom = restored?.version ?? version;
  const form = useForm<Values>({
    ...input,
    initialValues: { ...input.initialValues, ...restored?.values },
    onValuesChange: (values, previous) => {
      input.onValuesChange?.(values, previous);
      if (!storage) return;
      if (JSON.stringify(values) === JSON.stringify(input.initialValues)) window.sessionStorage.removeItem(storage);
      else window.sessionStorage.setItem(storage, JSON.stringify({ values, version: startedFrom } satisfies StoredDraft<Values>));
    },
  });
  return {
    form,
    version: startedFrom,
    clearDraft: () => {
      if (storage) window.sessionStorage.removeItem(storage);
    },
  };
}

/** Drops the drafts of every account but `keep` (all of them with null), e.g. when another account signs in. */
export function forgetDrafts(keep: string | null): void {
  const kept = keep === null ? null : `${prefix}${keep}.`;
  for (const key of Object.keys(window.sessionStorage))
    if (key.startsWith(prefix) && (kept === null || !key.startsWith(kept))) window.sessionStorage.removeItem(key);
}
