import { Button, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Suspense, useState, type ReactNode } from 'react';
import { useHasDraft, type DraftKey } from '../lib/draft-storage';
import { LoadingState } from './loading-state';

interface DisclosureFormProps {
  /** The button that opens the form, e.g. "Lisää tavoite". */
  label: string;
  children: (close: () => void) => ReactNode;
  size?: 'xs' | 'sm' | 'md';
  /** The form's draft: input left unsaved (the session ended, the page was reloaded) opens the form again. */
  draft?: DraftKey;
}

/** A form kept out of the way until asked for (its code too, when it is lazy); closing it returns focus to its button. */
export function DisclosureForm({ label, children, size = 'sm', draft }: DisclosureFormProps) {
  const unsaved = useHasDraft(draft);
  const [open, setOpen] = useState(unsaved);
  if (!open)
    return (
      <div className="no-print">
        <Button variant="light" size={size} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
          {label}
        </Button>
      </div>
    );
  return (
    <Paper withBorder p="md" className="no-print">
      <Suspense fallback={<LoadingState />}>{children(() => setOpen(false))}</Suspense>
    </Paper>
  );
}
