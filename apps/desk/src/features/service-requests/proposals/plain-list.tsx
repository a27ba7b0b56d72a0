import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list without bullets whose items hold blocks (cards, rows of controls): Mantine's `List` wraps
 * each item's content in a `span`, which is no place for them. Still a list to screen readers.
 */
export function PlainList({
  children,
  gap = 8,
  id,
  mt,
  testId,
}: {
  children: ReactNode;
  /** Pixels between items. */
  gap?: number;
  id?: string;
  /** Pixels above the list. */
  mt?: number;
  testId?: string;
}) {
  return (
    <Box
      component="ul"
      id={id}
      data-testid={testId}
      style={{
        listStyle: 'none',
        margin: 0,
        marginTop: mt ?? 0,
        padding: 0,
        display: 'flex',
        flexDirection: 'column',
        gap,
      }}
    >
      {children}
    </Box>
  );
}
