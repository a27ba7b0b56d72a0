import type { InterventionSheet } from '@fieldstream/api-contract';
import { Alert, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { CommandButton } from './command-button';
import { LabelledValue } from './labelled-value';
import { MeterReadingDialog } from './meter-reading-dialog';
import { SheetSection } from './sheet-section';

/**
 * The machine: which one, its model, how it is configured; and, for those who may record one, a
 * reading of its meters (hours run, cycles), which meter-based maintenance plans follow.
 */
export function AssetSection({
  asset,
  mayRecordReading = false,
  online = true,
}: {
  asset: NonNullable<InterventionSheet['asset']>;
  mayRecordReading?: boolean;
  online?: boolean;
}) {
  const { t } = useTranslation('technician');
  const format = useFormatters();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<{ meter: string; value: number; recorded: boolean } | null>(null);
  const configuration = Object.entries(asset.configuration);
  const yesNo = (value: string | number | boolean) =>
    typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : String(value);
  return (
    <SheetSection id="sheet-asset" title={t('asset.title')}>
      <LabelledValue label={t('asset.asset')}>
        {asset.name ? `${asset.name} (${asset.code})` : asset.code}
      </LabelledValue>
      <LabelledValue label={t('asset.model')}>
        {asset.modelName ? `${asset.modelName} (${asset.modelCode})` : asset.modelCode}
      </LabelledValue>
      {configuration.length > 0 && (
        <div>
          <Text fw={600} id="sheet-asset-configuration">
            {t('asset.configuration')}
          </Text>
          <dl aria-labelledby="sheet-asset-configuration" style={{ margin: 0 }}>
            {configuration.map(([key, value]) => (
              <div key={key} style={{ display: 'flex', flexWrap: 'wrap', columnGap: '0.5rem' }}>
                <dt style={{ fontWeight: 500 }}>{key}:</dt>
                <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{yesNo(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {mayRecordReading && (
        <>
          {recorded && (
            <Alert color="green" role="status" variant="light">
              {t(recorded.recorded ? 'meterReading.done' : 'meterReading.alreadyRecorded', {
                meter: recorded.meter,
                value: format.number(recorded.value),
              })}
            </Alert>
          )}
          <Group>
            <CommandButton
              online={online}
              variant="light"
              onClick={() => {
                setRecorded(null);
                setRecording(true);
              }}
            >
              {t('meterReading.open')}
            </CommandButton>
          </Group>
          <MeterReadingDialog
            opened={recording}
            assetCode={asset.code}
            online={online}
            onClose={() => setRecording(false)}
            onDone={(reading) => {
              setRecording(false);
              setRecorded(reading);
            }}
          />
        </>
      )}
    </SheetSection>
  );
}
