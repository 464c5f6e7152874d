import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { readDraft, useStorageKey, type DraftKey, type StoredDraft } from './draft-storage';

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
