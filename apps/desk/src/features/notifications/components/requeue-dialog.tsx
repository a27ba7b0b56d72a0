import type { DeliveryLogEntry } from '@fieldstream/api-contract';
import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useRequeueDelivery } from '../hooks/use-requeue-delivery';

/** Asks before putting a dead letter back in the queue: the recipient may get the message late. */
export function RequeueDialog({
  delivery,
  onClose,
  onRequeued,
}: {
  delivery: DeliveryLogEntry;
  onClose: () => void;
  onRequeued: () => void;
}) {
  const { t } = useTranslation('notifications');
  const requeue = useRequeueDelivery();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('deliveries.requeueTitle')}
      closeButtonProps={{ 'aria-label': t('deliveries.close') }}
    >
      <Stack>
        {requeue.error && <ProblemAlert error={requeue.error} />}
        <Text size="sm">
          {t('deliveries.requeueBody', {
            subject: delivery.subject,
            user: delivery.userName,
            address: delivery.address,
            channel: t(`channels.${delivery.channel}`),
          })}
        </Text>
        <DialogActions
          cancelLabel={t('deliveries.cancel')}
          onCancel={onClose}
          confirmLabel={t('deliveries.requeue')}
          pending={requeue.isPending}
          onConfirm={() =>
            requeue.mutate(delivery.deliveryId, {
              onSuccess: () => {
                onRequeued();
                onClose();
              },
            })
          }
        />
      </Stack>
    </Modal>
  );
}
