import { Button, FileButton, Group, Paper, Text } from '@mantine/core';
import { useState, type DragEvent, type ReactNode } from 'react';

export interface FileDropZoneProps {
  /** What the zone says: "drop a file here", or the file already chosen. */
  label: ReactNode;
  /** Announce label changes (a screen whose label names the chosen file). */
  announceLabel?: boolean;
  chooseLabel: string;
  /** The file picker's `accept`; a drop is not filtered (the server says what it refuses). */
  accept?: string;
  /** While busy the button spins and drops are ignored. */
  busy?: boolean;
  testId?: string;
  onFile: (file: File) => void;
}

/**
 * Drop a file, or choose one with the button (the keyboard path: the zone itself is only a target
 * for the mouse).
 */
export function FileDropZone({
  label,
  announceLabel = false,
  chooseLabel,
  accept,
  busy = false,
  testId,
  onFile,
}: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !busy) onFile(dropped);
  };
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      data-testid={testId}
      style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-light)' : undefined }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live={announceLabel ? 'polite' : undefined}>
          {label}
        </Text>
        <FileButton onChange={(chosen) => chosen && onFile(chosen)} accept={accept} disabled={busy}>
          {(props) => (
            <Button variant="default" {...props} loading={busy}>
              {chooseLabel}
            </Button>
          )}
        </FileButton>
      </Group>
    </Paper>
  );
}
