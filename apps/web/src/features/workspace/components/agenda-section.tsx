import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface AgendaSectionProps {
  id: string;
  title: string;
  count: number;
  /** Said when there is nothing: every section is visible, empty or not, so the morning view keeps its shape. */
  emptyText: string;
  children: ReactNode;
  /** Something here needs the user: shown in words by the count, with colour as a second cue. */
  urgent?: boolean;
}

/** One block of the morning view: a heading with its count, then a list or a calm "nothing here". */
export function AgendaSection({ id, title, count, emptyText, children, urgent = false }: AgendaSectionProps) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id} h="100%">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {/* The title wraps on a narrow phone; the count keeps its width, never cut to "4.". */}
          <Badge
            variant={urgent && count > 0 ? 'filled' : 'light'}
            color={urgent && count > 0 ? 'red' : 'gray'}
            tt="none"
            style={{ flexShrink: 0, overflow: 'visible' }}
          >
            {count}
          </Badge>
        </Group>
        {count === 0 ? (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {children}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
