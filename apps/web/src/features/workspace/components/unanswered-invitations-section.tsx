import { Text } from '@mantine/core';
import type { CoordinatorWorkspace } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { AgendaSection } from './agenda-section';
import { FamilyItemLink } from './family-link';

type UnansweredInvitation = CoordinatorWorkspace['unansweredInvitations'][number];

/** Invitations services have not answered: since when, and whether the two-working-day reminder went and reached anyone. */
export function UnansweredInvitationsSection({ invitations }: { invitations: UnansweredInvitation[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <AgendaSection
      id="agenda-invitations"
      title={t('workspace.invitationsTitle')}
      count={invitations.length}
      emptyText={t('workspace.invitationsEmpty')}
      urgent
    >
      {invitations.map((invitation) => (
        <li key={invitation.serviceRoleId}>
          <FamilyItemLink familyId={invitation.family.id}>{localizeText(invitation.service.name, language)}</FamilyItemLink>
          <Text size="sm">
            {invitation.family.name}
            {' · '}
            {t('serviceInvitations.waiting.since', { date: formatDateTimeParts(invitation.invitedAt, language).date })}
          </Text>
          <ReminderState invitation={invitation} />
        </li>
      ))}
    </AgendaSection>
  );
}

function ReminderState({ invitation }: { invitation: UnansweredInvitation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = (iso: string) => t('serviceInvitations.dateTime', formatDateTimeParts(iso, language));
  const { reminder } = invitation;
  if (!reminder)
    return (
      <Text size="xs" c="dimmed">
        {t('serviceInvitations.waiting.reminderDue', { when: when(invitation.reminderDueAt) })}
      </Text>
    );
  // A reminder that reached no one is the coordinator's to follow up by phone: said in words, red as a second cue.
  if (reminder.recipients === 0)
    return (
      <Text size="xs" c="red.9" fw={600}>
        {t('serviceInvitations.waiting.remindedNoOne', { when: when(reminder.sentAt) })}
      </Text>
    );
  return (
    <Text size="xs" c="dimmed">
      {t('serviceInvitations.waiting.reminded', { when: when(reminder.sentAt) })}
    </Text>
  );
}
