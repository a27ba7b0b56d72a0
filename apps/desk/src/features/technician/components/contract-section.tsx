import type { InterventionSheet } from '@fieldstream/api-contract';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../agenda/format-duration';
import { LabelledValue } from './labelled-value';
import { SheetSection } from './sheet-section';

/** What the customer's contract promises for this request and what it covers. */
export function ContractSection({ contract }: { contract: InterventionSheet['contract'] }) {
  const { t, i18n } = useTranslation('technician');
  const duration = (minutes: number) =>
    formatDuration(minutes, { hours: t('units.hours'), minutes: t('units.minutes') });
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  return (
    <SheetSection id="sheet-contract" title={t('contract.title')}>
      {!contract ? (
        <Text>{t('contract.none')}</Text>
      ) : (
        <>
          <LabelledValue label={t('contract.contract')}>
            {contract.name ? `${contract.name} (${contract.code})` : contract.code}
          </LabelledValue>
          {contract.serviceLevel ? (
            <LabelledValue label={t('contract.serviceLevel')}>
              {t('contract.serviceLevelText', {
                priority: t(`priority.${contract.serviceLevel.priority}`, {
                  defaultValue: contract.serviceLevel.priority,
                }),
                response: duration(contract.serviceLevel.responseMinutes),
                restoration: duration(contract.serviceLevel.restorationMinutes),
              })}
            </LabelledValue>
          ) : (
            <Text>{t('contract.noServiceLevel')}</Text>
          )}
          <LabelledValue label={t('contract.labour')}>{yesNo(contract.includesLabour)}</LabelledValue>
          <LabelledValue label={t('contract.materials')}>{yesNo(contract.includesMaterials)}</LabelledValue>
          <LabelledValue label={t('contract.validTo')}>
            {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
              new Date(contract.validTo.length === 10 ? `${contract.validTo}T12:00:00Z` : contract.validTo),
            )}
          </LabelledValue>
          {contract.notes && <Text style={{ whiteSpace: 'pre-line' }}>{contract.notes}</Text>}
        </>
      )}
    </SheetSection>
  );
}
