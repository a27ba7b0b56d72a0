import type { InterventionSheet } from '@fieldstream/api-contract';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachmentButton } from './attachment-button';
import { SheetSection } from './sheet-section';

/** Manuals, schemas and photos of the corrective actions and of the machine's model. */
export function AttachmentsSection({ attachments }: { attachments: InterventionSheet['attachments'] }) {
  const { t } = useTranslation('technician');
  return (
    <SheetSection id="sheet-attachments" title={t('attachments.title')}>
      {attachments.length === 0 ? (
        <Text>{t('attachments.none')}</Text>
      ) : (
        <Stack gap="xs">
          {attachments.map((attachment, index) => (
            <AttachmentButton
              key={attachment.id}
              id={attachment.id}
              label={t('attachments.download', { number: index + 1, from: attachment.from })}
            />
          ))}
        </Stack>
      )}
    </SheetSection>
  );
}
