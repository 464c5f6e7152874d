import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Overdue is said in words and with an icon, not by colour alone. */
export function OverdueBadge({ children }: { children: ReactNode }) {
  return (
    <Badge variant="filled" color="red" tt="none" size="md" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
      {children}
    </Badge>
  );
}
