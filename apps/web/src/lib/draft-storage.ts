/** Where the forms' drafts are kept (this tab's sessionStorage), apart from the form code: the first screen reads only whether a draft waits. */
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

export interface StoredDraft<Values> {
  values: Values;
  /** The version of the item the edit started from. */
  version?: number;
}

function storageKey(accountId: string, { familyId, form, item }: DraftKey): string {
  return [`${prefix}${accountId}`, familyId, form, ...(item ? [item] : [])].join('.');
}

export function useStorageKey(key: DraftKey | undefined): string | null {
  const accountId = useQueryClient().getQueryData<CurrentUser | null>(queryKeys.currentUser)?.id;
  return accountId && key ? storageKey(accountId, key) : null;
}

export function readDraft<Values>(storage: string | null): StoredDraft<Values> | null {
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

/** Drops the drafts of every account but `keep` (all of them with null), e.g. when another account signs in. */
export function forgetDrafts(keep: string | null): void {
  const kept = keep === null ? null : `${prefix}${keep}.`;
  for (const key of Object.keys(window.sessionStorage))
    if (key.startsWith(prefix) && (kept === null || !key.startsWith(kept))) window.sessionStorage.removeItem(key);
}
