import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value inside a `<dl>` (a `<div>` grouping them, as a `<dl>` allows). */
export function WebhookFact({
  term,
  children,
  mono = false,
}: {
  term: string;
  children: ReactNode;
  mono?: boolean;
}) {
  return (
    <div>
      <Text component="dt" size="xs" fw={600} c="dimmed">
        {term}
      </Text>
      <Text
        component="dd"
        size="sm"
        m={0}
        ff={mono ? 'monospace' : undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {children}
      </Text>
    </div>
  );
}
