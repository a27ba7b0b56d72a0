import { Button, Group, Image, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The photo the customer picked, as they will send it, with a way to drop it. */
export function PhotoPreview({ photo, onRemove }: { photo: File; onRemove: () => void }) {
  const { t } = useTranslation('portal');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    // jsdom (the component tests) has no object URLs; a browser always does.
    if (typeof URL.createObjectURL !== 'function') return undefined;
    const made = URL.createObjectURL(photo);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [photo]);
  return (
    <Stack gap={6} data-testid="photo-preview">
      {url && (
        <Image
          src={url}
          alt={t('new.photoPreview', { name: photo.name })}
          radius="sm"
          h={160}
          w="auto"
          fit="contain"
          maw={240}
        />
      )}
      <Group gap="xs">
        <Button variant="default" size="compact-sm" onClick={onRemove}>
          {t('new.removePhoto')}
        </Button>
      </Group>
    </Stack>
  );
}
