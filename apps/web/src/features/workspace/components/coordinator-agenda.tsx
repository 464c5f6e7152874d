import { SimpleGrid, Text } from '@mantine/core';
import type { CoordinatorWorkspace } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { AgendaSection } from './agenda-section';
import { FamilyItemLink } from './family-link';
import { RecentChangesSection } from './recent-changes-section';
import { UnansweredInvitationsSection } from './unanswered-invitations-section';
import { WorkspaceActions } from './workspace-actions';

/** What needs the coordinator this morning, across their families: overdue, unanswered, upcoming, changed. */
export function CoordinatorAgenda({
  workspace,
  readAt,
  renderChange,
}: {
  workspace: CoordinatorWorkspace;
  /** When the workspace was read: its first page of overdue actions is that fresh. */
  readAt: number;
  /** One recent change in words; the app layer supplies it from the family's activity. */
  renderChange: (change: CoordinatorWorkspace['recentChanges']['latest'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dateTime = (iso: string) => {
    const { date, time } = formatDateTimeParts(iso, language);
    return t('workspace.at', { date, time });
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {/* A case waiting for the caller's answer comes first: nobody else can answer it. */}
      {workspace.handoversToMe.length > 0 && (
        <AgendaSection
          id="agenda-handovers"
          title={t('workspace.handoversTitle')}
          count={workspace.handoversToMe.length}
          emptyText=""
          urgent
        >
          {workspace.handoversToMe.map((handover) => (
            <li key={handover.family.id}>
              <FamilyItemLink familyId={handover.family.id}>{t('workspace.handoverOpen')}</FamilyItemLink>
              <Text size="sm">
                {handover.family.name}
                {' · '}
                {t('workspace.handoverFrom', { name: handover.from.name, when: dateTime(handover.requestedAt) })}
              </Text>
            </li>
          ))}
        </AgendaSection>
      )}
      <WorkspaceActions first={workspace.overdueActions} firstReadAt={readAt}>
        {(actions, count, more) => (
          <AgendaSection
            id="agenda-overdue"
            title={t('workspace.overdueTitle')}
            count={count}
            emptyText={t('workspace.overdueEmpty')}
            urgent
          >
            {actions.map(({ family, action, service }) => (
              <li key={action.id}>
                <FamilyItemLink familyId={family.id}>{action.title}</FamilyItemLink>
                <Text size="sm">
                  {family.name}
                  {' · '}
                  {service ? localizeText(service.name, language) : t('workspace.familyOwnAction')}
                  {action.dueOn && ` · ${t('workspace.dueOn', { date: formatDate(action.dueOn, language) })}`}
                </Text>
              </li>
            ))}
            {more}
          </AgendaSection>
        )}
      </WorkspaceActions>
      <UnansweredInvitationsSection invitations={workspace.unansweredInvitations} />
      <AgendaSection
        id="agenda-reviews"
        title={t('workspace.reviewsTitle')}
        count={workspace.upcomingReviews.length}
        emptyText={t('workspace.reviewsEmpty')}
      >
        {workspace.upcomingReviews.map((review) => (
          <li key={review.reviewId}>
            <FamilyItemLink familyId={review.family.id}>
              {t('workspace.reviewOn', { date: formatDate(review.scheduledOn, language) })}
            </FamilyItemLink>
            <Text size="sm">{review.family.name}</Text>
          </li>
        ))}
      </AgendaSection>
      <RecentChangesSection recentChanges={workspace.recentChanges} renderChange={renderChange} />
    </SimpleGrid>
  );
}
