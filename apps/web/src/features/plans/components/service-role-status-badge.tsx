import { Badge } from '@mantine/core';
import { IconCheck, IconMailForward, IconX } from '@tabler/icons-react';
import type { ServiceRoleStatus } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

const looks = {
  invited: { color: 'yellow', variant: 'filled', icon: <IconMailForward size={14} aria-hidden /> },
  accepted: { color: 'teal', variant: 'light', icon: <IconCheck size={14} aria-hidden /> },
  declined: { color: 'red', variant: 'light', icon: <IconX size={14} aria-hidden /> },
  ended: { color: 'gray', variant: 'light', icon: null },
} as const;

export function ServiceRoleStatusBadge({ status }: { status: ServiceRoleStatus }) {
  const { t } = useTranslation();
  const look = looks[status];
  return (
    <Badge color={look.color} variant={look.variant} autoContrast tt="none" size="md" leftSection={look.icon}>
      {t(`serviceRoleStatus.${status}`)}
    </Badge>
  );
}
