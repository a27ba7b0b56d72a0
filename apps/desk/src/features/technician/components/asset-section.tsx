import type { InterventionSheet } from '@fieldstream/api-contract';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from './labelled-value';
import { SheetSection } from './sheet-section';

/** The machine: which one, its model, how it is configured. */
export function AssetSection({ asset }: { asset: NonNullable<InterventionSheet['asset']> }) {
  const { t } = useTranslation('technician');
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
    </SheetSection>
  );
}
