import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways below `minWidth`. Its scrolling box is a named region in the tab
 * order, so someone without a mouse can reach it and scroll it with the arrow keys.
 */
export function ScrollTable({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  /** What the region holds: the table's caption. */
  label: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
