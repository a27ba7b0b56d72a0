import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** "Label: value" on one line that wraps, rather than a table a phone would scroll sideways. */
export function LabelledValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={{ overflowWrap: 'anywhere' }}>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}
