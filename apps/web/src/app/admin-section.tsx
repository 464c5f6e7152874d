import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/page-title';

interface AdminSectionProps {
  id: string;
  title: string;
  intro: string;
  /** A button beside the heading, e.g. "Lisää palvelu". */
  action?: ReactNode;
  children: ReactNode;
}

/** One part of the administration area: its heading names the page and the section. */
export function AdminSection({ id, title, intro, action, children }: AdminSectionProps) {
  usePageTitle(title);
  return (
    <Stack gap="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {intro}
          </Text>
        </Stack>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
