import { Text } from '@mantine/core';
import type { Note } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';

/** The notes of a printout, newest first, each with who wrote it, when and on which service's part. */
export function PrintNotes({ notes, roleNames }: { notes: Note[]; roleNames: Record<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (notes.length === 0) return <Text size="sm">{t('versionsAndPrint.print.noNotes')}</Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
      {notes.map((note) => (
        <li key={note.id} style={{ breakInside: 'avoid', marginBottom: 8 }}>
          <Text size="xs" fw={600}>
            {t('versionsAndPrint.print.noteBy', {
              name: note.author.name,
              date: formatDateTimeParts(note.createdAt, language).date,
            })}
            {note.serviceRoleId && roleNames[note.serviceRoleId] ? ` · ${roleNames[note.serviceRoleId]}` : ''}
            {' · '}
            {t(`notes.visibility.${note.visibility}`)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.body}
          </Text>
        </li>
      ))}
    </ul>
  );
}
