import { Table } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

interface TableScrollContainerProps {
  /** Names the scrolling area for screen readers; usually the table's own name. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: CSSProperties['minWidth'];
  children: ReactNode;
}

/**
 * Mantine's table scroll container whose scrolling area takes keyboard focus, so a table wider
 * than the screen can be scrolled with the arrow keys too (WCAG 2.1.1), and is named when focused.
 */
export function TableScrollContainer({ label, minWidth, children }: TableScrollContainerProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'group', 'aria-label': label } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
