import { Avatar, Group, Text } from '@mantine/core';
import { IconEye, IconUser } from '@tabler/icons-react';
import type { Presence } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

interface PresenceLineProps {
  presence: Presence | null;
  coordinatorName: string;
  /** Names of the plan's service roles by id, to say which service a worker is from. */
  serviceRoleNames: Record<string, string>;
}

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/**
 * "Katsomassa nyt": who else has the plan open. A polite live region, so a screen reader hears
 * someone come or go without losing its place; nothing at all when no one else is there.
 */
export function PresenceLine({ presence, coordinatorName, serviceRoleNames }: PresenceLineProps) {
  return (
    <div aria-live="polite" className="no-print">
      <PresenceContent presence={presence} coordinatorName={coordinatorName} serviceRoleNames={serviceRoleNames} />
    </div>
  );
}

function PresenceContent({ presence, coordinatorName, serviceRoleNames }: PresenceLineProps) {
  const { t } = useTranslation();
  if (presence?.audience === 'family')
    return presence.coordinatorViewing ? (
      <Group gap="xs" wrap="nowrap">
        <IconEye size={18} aria-hidden />
        <Text size="sm">{t('presence.coordinatorViewing', { name: coordinatorName })}</Text>
      </Group>
    ) : null;
  if (!presence || (presence.viewers.length === 0 && !presence.familyMemberViewing)) return null;

  const people = presence.viewers.map((viewer) => {
    const services = viewer.serviceRoleIds.flatMap((id) => (serviceRoleNames[id] ? [serviceRoleNames[id]] : []));
    const what = viewer.role === 'coordinator' ? t('presence.coordinator') : services.join(', ') || t('presence.worker');
    return { key: viewer.accountId, initials: initialsOf(viewer.name), label: t('presence.viewer', { name: viewer.name, what }) };
  });
  if (presence.familyMemberViewing) people.push({ key: 'family', initials: '', label: t('presence.familyMember') });

  return (
    <Group gap="xs" align="center">
      <Text size="sm" fw={600} id="presence-label">
        {t('presence.label')}
      </Text>
      <Group component="ul" aria-labelledby="presence-label" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {people.map((person) => (
          <Group component="li" key={person.key} gap={6} wrap="nowrap">
            <Avatar size={28} radius="xl" color="teal" aria-hidden>
              {person.initials || <IconUser size={16} />}
            </Avatar>
            <Text size="sm">{person.label}</Text>
          </Group>
        ))}
      </Group>
    </Group>
  );
}
