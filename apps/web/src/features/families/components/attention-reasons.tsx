import { Badge, Group } from '@mantine/core';
import { IconCalendarEvent, IconMessageCircle } from '@tabler/icons-react';
import type { FamilyAttention } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OverdueBadge } from '../../../components/overdue-badge';
import { finnishToday, formatDate, useLanguage } from '../../../lib/locale';

/**
 * Why the family needs the reader, weightiest first, each reason in words (colour and icon only
 * second cues): what is late, who waits for an answer, the review that is due or was missed.
 */
export function AttentionReasons({ attention }: { attention: FamilyAttention }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { overdueActionCount, unansweredInvitationCount, unansweredCommentCount, reviewDueOn } = attention;
  return (
    <Group gap={6} component="ul" aria-label={t('familyList.attentionLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
      {overdueActionCount > 0 && (
        <li>
          <OverdueBadge>{t('familyList.overdue', { count: overdueActionCount })}</OverdueBadge>
        </li>
      )}
      {unansweredInvitationCount > 0 && (
        <li>
          <Reason icon={<IconMessageCircle size={14} aria-hidden />}>
            {t('familyList.invitations', { count: unansweredInvitationCount })}
          </Reason>
        </li>
      )}
      {unansweredCommentCount > 0 && (
        <li>
          <Reason icon={<IconMessageCircle size={14} aria-hidden />}>
            {t('familyList.comments', { count: unansweredCommentCount })}
          </Reason>
        </li>
      )}
      {reviewDueOn && (
        <li>
          <Reason icon={<IconCalendarEvent size={14} aria-hidden />}>
            {t(reviewDueOn < finnishToday() ? 'familyList.reviewMissed' : 'familyList.reviewDue', {
              date: formatDate(reviewDueOn, language),
            })}
          </Reason>
        </li>
      )}
    </Group>
  );
}

/** Dark text on a light tint: the words carry the meaning and keep their contrast, and wrap rather than being cut. */
function Reason({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Badge
      variant="light"
      color="orange"
      c="dark.8"
      tt="none"
      size="md"
      h="auto"
      py={2}
      leftSection={icon}
      styles={{ label: { whiteSpace: 'normal' } }}
    >
      {children}
    </Badge>
  );
}
