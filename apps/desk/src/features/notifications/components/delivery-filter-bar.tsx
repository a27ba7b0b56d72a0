import { DELIVERY_STATUSES } from '@fieldstream/api-contract';
import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  type DeliveryLogFilters,
  type DeliveryStatus,
} from '../delivery-log/delivery-log-filters';

/** Status and channel; empty means any. */
export function DeliveryFilterBar({
  filters,
  onChange,
}: {
  filters: DeliveryLogFilters;
  onChange(change: Partial<DeliveryLogFilters>): void;
}) {
  const { t } = useTranslation('notifications');
  return (
    <Group align="flex-end" wrap="wrap" gap="sm" role="search" aria-label={t('deliveries.filters')}>
      <Select
        label={t('deliveries.status')}
        placeholder={t('deliveries.any')}
        data={DELIVERY_STATUSES.map((status) => ({
          value: status,
          label: t(`deliveries.statuses.${status}`),
        }))}
        value={filters.status}
        onChange={(status) => onChange({ status: status as DeliveryStatus | null })}
        clearable
        w={180}
      />
      <Select
        label={t('deliveries.channel')}
        placeholder={t('deliveries.any')}
        data={DELIVERY_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
        value={filters.channel}
        onChange={(channel) => onChange({ channel: channel as DeliveryChannel | null })}
        clearable
        w={180}
      />
      {(filters.status || filters.channel) && (
        <Button variant="default" onClick={() => onChange({ status: null, channel: null })}>
          {t('deliveries.clear')}
        </Button>
      )}
    </Group>
  );
}
