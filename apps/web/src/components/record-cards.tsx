import { Box, Card, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Narrower than this (a phone), a table of records is shown as cards: no column hides past the edge. */
const PHONE_QUERY = '(max-width: 48em)';

/** Whether records are shown as cards instead of a table. */
export function useRecordCards(): boolean {
  return useMediaQuery(PHONE_QUERY) ?? false;
}

/** Records as a list of cards, named like the table it stands in for. */
export function RecordCards({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" aria-label={label} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

interface RecordCardProps {
  title: string;
  /** Under the title, such as an email address. */
  detail?: string;
  /** The table's columns, as label and value. */
  fields: { label: string; value: ReactNode }[];
  /** The row's buttons; wrapped so each stays a full-size touch target. */
  actions?: ReactNode;
}

/** One record: its title as a heading, each field labelled, and its actions at the bottom. */
export function RecordCard({ title, detail, fields, actions }: RecordCardProps) {
  return (
    <Card component="li" withBorder padding="sm" radius="md">
      <Text component="h3" fw={600} size="md" m={0}>
        {title}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      )}
      <Box component="dl" my="xs">
        {fields.map((field) => (
          <Group key={field.label} gap="xs" wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" c="dimmed" miw="40%">
              {field.label}
            </Text>
            <Box component="dd" m={0} fz="sm">
              {field.value}
            </Box>
          </Group>
        ))}
      </Box>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Card>
  );
}
