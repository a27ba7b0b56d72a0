import type { PushDeviceView } from '@fieldstream/api-contract';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemovePushDevice } from '../hooks/use-remove-push-device';
import { ConfirmActionDialog } from './confirm-action-dialog';

/** The browsers receiving the user's push notifications, this one marked, each removable after asking. */
export function PushDeviceList({
  devices,
  maxDevices,
  thisDeviceId,
}: {
  devices: readonly PushDeviceView[];
  maxDevices: number;
  thisDeviceId: string | null;
}) {
  const { t, i18n } = useTranslation('notifications');
  const remove = useRemovePushDevice();
  const [removing, setRemoving] = useState<PushDeviceView | null>(null);
  const [removed, setRemoved] = useState(false);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const close = () => {
    remove.reset();
    setRemoving(null);
  };
  return (
    <Stack gap="xs">
      <Title order={3} fz="h4" id="push-devices-list-title">
        {t('push.devices')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('push.devicesHint', { max: maxDevices })}
      </Text>
      {devices.length === 0 ? (
        <Text size="sm">{t('push.noDevices')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-labelledby="push-devices-list-title" data-testid="push-devices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('push.columns.device')}</Table.Th>
                <Table.Th scope="col">{t('push.columns.pushService')}</Table.Th>
                <Table.Th scope="col">{t('push.columns.registered')}</Table.Th>
                <Table.Th scope="col">{t('push.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.map((device) => (
                <Table.Tr key={device.deviceId}>
                  <Table.Td>
                    <Group gap="xs">
                      <span>{device.label}</span>
                      {device.deviceId === thisDeviceId && (
                        <Badge variant="filled" color="teal.9">
                          {t('push.thisDevice')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{device.pushService}</Table.Td>
                  <Table.Td>{format.format(new Date(device.registeredAt))}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t('push.removeNamed', { label: device.label })}
                      onClick={() => {
                        setRemoved(false);
                        setRemoving(device);
                      }}
                    >
                      {t('push.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" fw={500} role="status">
        {removed ? t('push.removed') : ''}
      </Text>
      {removing && (
        <ConfirmActionDialog
          title={t('push.removeTitle')}
          body={t(removing.deviceId === thisDeviceId ? 'push.removeThisBody' : 'push.removeBody', {
            label: removing.label,
          })}
          confirmLabel={t('push.remove')}
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() =>
            remove.mutate(
              { deviceId: removing.deviceId, thisDevice: removing.deviceId === thisDeviceId },
              {
                onSuccess: () => {
                  setRemoving(null);
                  setRemoved(true);
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}
