import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { downloadAttachment } from '../api/download-attachment';

/** Downloads one attachment (a manual, a wiring schema) and says so if it could not. */
export function AttachmentButton({ id, label }: { id: string; label: string }) {
  const token = useSession().session?.token;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setPending(true);
    setError(null);
    try {
      await downloadAttachment(id, token);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack gap={4}>
      <Button
        variant="default"
        size="md"
        loading={pending}
        onClick={() => void download()}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        h="auto"
        mih={44}
        justify="flex-start"
      >
        {label}
      </Button>
      {error ? <ProblemAlert error={error} /> : null}
    </Stack>
  );
}
