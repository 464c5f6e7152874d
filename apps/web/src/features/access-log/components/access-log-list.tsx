import { Badge, Button, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AccessLogEntry } from '@yhdessa/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';

/** Resource names as the server writes them, including route tags on refusals, mapped to the ones we word. */
const knownResources = [
  'plan',
  'plan-version',
  'family',
  'family-summary',
  'family-member',
  'story',
  'story-comment',
  'story-history',
  'assessment',
  'goal',
  'goal-progress',
  'action',
  'service-role',
  'note',
  'review',
  'agenda-item',
  'consent',
  'access-log',
  'handover',
  'invitation',
  'measurement',
  'feedback',
] as const;
const resourceAliases: Record<string, (typeof knownResources)[number]> = {
  plans: 'plan',
  'plan-versions': 'plan-version',
  families: 'family',
  stories: 'story',
  assessments: 'assessment',
  goals: 'goal',
  actions: 'action',
  'service-roles': 'service-role',
  notes: 'note',
  reviews: 'review',
  consents: 'consent',
  audit: 'access-log',
  invitations: 'invitation',
  measurements: 'measurement',
};

function resourceKey(resource: string): string {
  if ((knownResources as readonly string[]).includes(resource)) return resource;
  return resourceAliases[resource] ?? 'other';
}

/** The object of the sentence: partitive after "katsoi" and "muutti", accusative after "lisäsi" and "poisti". */
const objectCase: Record<AccessLogEntry['action'], 'part' | 'acc'> = {
  read: 'part',
  update: 'part',
  create: 'acc',
  delete: 'acc',
  export: 'acc',
  join: 'acc',
  'sign-in': 'acc',
  'sign-out': 'acc',
};

/** "Mikko Salo (työntekijä, Demo-hyvinvointialue)" and "katsoi suunnitelmaa 23.11.2026 klo 14.05" */
export function describeAccess(
  entry: AccessLogEntry,
  t: TFunction,
  when: { date: string; time: string },
): { who: string; rest: string } {
  const who = !entry.actor
    ? t('accessLog.system')
    : entry.actor.organisation
      ? t('accessLog.whoWithOrganisation', {
          name: entry.actor.name,
          role: t(`accessLog.role.${entry.actor.role}`),
          organisation: entry.actor.organisation,
        })
      : t('accessLog.who', { name: entry.actor.name, role: t(`accessLog.role.${entry.actor.role}`) });
  const object = t(`accessLog.resource.${resourceKey(entry.resource)}.${objectCase[entry.action]}`);
  const what = t(`accessLog.${entry.outcome === 'denied' ? 'tried' : 'did'}.${entry.action}`, { object });
  return { who, rest: t('accessLog.line', { what, ...when }) };
}

function AccessLine({ who, rest }: { who: string; rest: string }) {
  return (
    <Text size="sm">
      <Text span size="sm" fw={600}>
        {who}
      </Text>{' '}
      {rest}
    </Text>
  );
}

interface AccessLogListProps {
  entries: AccessLogEntry[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onShowOlder: () => void;
}

export function AccessLogList({ entries, hasOlder, loadingOlder, onShowOlder }: AccessLogListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (entries.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text fw={600}>{t('accessLog.emptyTitle')}</Text>
        <Text size="sm">{t('accessLog.emptyText')}</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accessLog.listLabel')}>
        {entries.map((entry) => {
          const denied = entry.outcome === 'denied';
          return (
            <Paper
              component="li"
              key={entry.id}
              py="sm"
              px="sm"
              radius={0}
              style={{
                borderBottom: '1px solid var(--mantine-color-gray-3)',
                borderLeft: denied ? '4px solid var(--mantine-color-red-8)' : '4px solid transparent',
                background: denied ? 'var(--mantine-color-red-0)' : undefined,
              }}
            >
              {denied && (
                <Badge
                  color="red"
                  variant="light"
                  radius="sm"
                  mb={4}
                  leftSection={<IconAlertTriangle size={14} aria-hidden />}
                  style={{ textTransform: 'none' }}
                >
                  {t(`accessLog.deniedBadge.${entry.action}`)}
                </Badge>
              )}
              <AccessLine {...describeAccess(entry, t, formatDateTimeParts(entry.occurredAt, language))} />
            </Paper>
          );
        })}
      </Stack>
      {hasOlder ? (
        <Button variant="default" onClick={onShowOlder} loading={loadingOlder} style={{ alignSelf: 'flex-start' }} mih={44}>
          {t('accessLog.showOlder')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('accessLog.end')}
        </Text>
      )}
    </Stack>
  );
}
