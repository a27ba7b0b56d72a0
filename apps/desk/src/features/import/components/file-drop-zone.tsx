import { Button, FileButton, Group, Paper, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.json,text/csv,application/json';

/**
 * Drop a file here, or choose one with the button (the keyboard path: the zone itself is only a
 * target for the mouse).
 */
export function FileDropZone({ file, onFile }: { file: File | null; onFile: (file: File) => void }) {
  const { t } = useTranslation('import');
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      data-testid="import-drop-zone"
      style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {file ? t('file.chosen', { name: file.name, size: file.size }) : t('file.dropHere')}
        </Text>
        <FileButton onChange={(chosen) => chosen && onFile(chosen)} accept={ACCEPT}>
          {(props) => (
            <Button variant="default" {...props}>
              {t('file.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Paper>
  );
}
