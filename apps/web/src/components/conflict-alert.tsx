import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface ConflictAlertProps {
  title: string;
  /** What happened and what is saved now, as the other person left it. */
  children: ReactNode;
  /** Saves the user's own change over the latest; absent when it cannot be. */
  reapply?: { label: string; onClick: () => void; pending: boolean };
  discard: { label: string; onClick: () => void };
}

/** Someone saved first (409): the latest is shown and the user chooses whether their own change still goes on top. */
export function ConflictAlert({ title, children, reapply, discard }: ConflictAlertProps) {
  return (
    <Alert color="orange" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={title}>
      <Stack gap="xs">
        {children}
        <Group gap="sm">
          {reapply && (
            <Button onClick={reapply.onClick} loading={reapply.pending}>
              {reapply.label}
            </Button>
          )}
          <Button variant="default" onClick={discard.onClick}>
            {discard.label}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
