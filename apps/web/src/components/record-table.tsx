import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableScrollContainer } from './table-scroll-container';

interface RecordTableProps {
  /** Names the table for screen readers. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  columns: { label: string; align?: 'right' }[];
  /** The last column holds each row's buttons; its heading is for screen readers only. */
  actionsLabel: string;
  children: ReactNode;
}

/** A table of records, one per row, each named by its first cell, with a column of actions. */
export function RecordTable({ label, minWidth, columns, actionsLabel, children }: RecordTableProps) {
  return (
    <TableScrollContainer label={label} minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} scope="col" ta={column.align}>
                {column.label}
              </Table.Th>
            ))}
            <Table.Th scope="col">
              <VisuallyHidden>{actionsLabel}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </TableScrollContainer>
  );
}

/** The cell that names a row: its title, and a detail such as an email address under it. */
export function RecordName({ title, detail }: { title: string; detail?: string }) {
  return (
    <Table.Th scope="row" fw={400}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Table.Th>
  );
}
