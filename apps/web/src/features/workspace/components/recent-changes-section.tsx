import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CoordinatorWorkspace } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';
import { AgendaSection } from './agenda-section';
import { FamilyItemLink } from './family-link';

type RecentChanges = CoordinatorWorkspace['recentChanges'];

interface RecentChangesSectionProps {
  recentChanges: RecentChanges;
  /** One change in words, as the family's activity says it; the app layer supplies it. */
  renderChange: (change: RecentChanges['latest'][number]) => ReactNode;
}

/**
 * What changed in the coordinator's families since yesterday: the newest few lines, each a link to
 * its family's activity, and every family that changed, with how much, behind "show all".
 */
export function RecentChangesSection({ recentChanges, renderChange }: RecentChangesSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [allShown, { toggle }] = useDisclosure(false);
  const { count, families, latest } = recentChanges;
  const [onlyFamily] = families.length === 1 ? families : [];
  // The lines shown may stand for every change already.
  const allInSight = latest.reduce((shown, change) => shown + change.count, 0) >= count;
  return (
    <AgendaSection id="agenda-changes" title={t('workspace.changesTitle')} count={count} emptyText={t('workspace.changesEmpty')}>
      {latest.map((change) => {
        const { date, time } = formatDateTimeParts(change.lastAt, language);
        return (
          <li key={`${change.family.id}-${change.seq}`}>
            <FamilyItemLink familyId={change.family.id} to={paths.activity(change.family.id)}>
              {renderChange(change)}
            </FamilyItemLink>
            <Text size="sm">{change.family.name}</Text>
            <Text size="xs" c="dimmed">
              {t('workspace.at', { date, time })}
            </Text>
          </li>
        );
      })}
      {!allInSight && (
        <li>
          {onlyFamily ? (
            <Anchor component={Link} to={paths.activity(onlyFamily.family.id)} size="sm">
              {t('activity.workspace.showAll', { count })}
            </Anchor>
          ) : (
            <>
              <Button variant="subtle" size="compact-sm" px={0} onClick={toggle} aria-expanded={allShown}>
                {allShown ? t('activity.workspace.hideAll') : t('activity.workspace.showAll', { count })}
              </Button>
              {allShown && (
                <Stack component="ul" gap={4} p={0} m={0} mt={4} style={{ listStyle: 'none' }}>
                  {families.map(({ family, count: ofFamily }) => (
                    <li key={family.id}>
                      <Anchor component={Link} to={paths.activity(family.id)} size="sm">
                        {t('activity.workspace.familyChanges', { family: family.name, count: ofFamily })}
                      </Anchor>
                    </li>
                  ))}
                </Stack>
              )}
            </>
          )}
        </li>
      )}
    </AgendaSection>
  );
}
