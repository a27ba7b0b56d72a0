import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { ScheduleConflictNotice } from '../../service-requests/components/schedule-conflict-notice';
import { useDisplacement } from '../../service-requests/hooks/use-displacement';
import { ImpactPreview } from '../../service-requests/impact/impact-preview';
import { scheduleConflictOf } from '../../service-requests/commands/schedule-conflict-of';
import type { PendingGesture } from '../types/pending-gesture';
import type { useBoardCommand } from '../hooks/use-board-command';

/**
 * Confirms a gesture the board could not simply apply: a proposal or crew chosen in the panel, or
 * a drop on an occupied slot. For the latter the appointments in the way are listed and, once the
 * dispatcher declares an emergency, the impact preview says what suspending or removing them does
 * (their requests' service-level risk, who is told) before anything is applied, as one operation.
 */
export function BoardGestureDialog({
  gesture,
  command,
  onClose,
  onApplied,
}: {
  gesture: PendingGesture | null;
  command: ReturnType<typeof useBoardCommand>;
  onClose(): void;
  onApplied(summary: string): void;
}) {
  const { t } = useTranslation('dispatchBoard');
  const displacement = useDisplacement();
  const { record, reset } = displacement;
  useEffect(() => {
    reset();
    command.reset();
    if (gesture?.conflict !== undefined) record(gesture.conflict);
    // Only a new gesture starts over; `command` changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gesture, record, reset]);

  if (!gesture) return null;
  const conflicted = displacement.detail !== null;
  const emergencyBody =
    conflicted && displacement.emergency ? gesture.impactBodyWith(displacement.instructions) : null;
  const otherError = command.error && !scheduleConflictOf(command.error) ? command.error : null;

  const close = () => {
    gesture.onCancel?.();
    onClose();
  };
  const apply = () =>
    command.mutate(gesture.callWith(displacement.instructions), {
      onSuccess: () => {
        onApplied(gesture.summary);
        onClose();
      },
      onError: (error) => displacement.record(error),
    });

  return (
    <Modal
      opened
      onClose={close}
      title={conflicted ? t('gesture.conflictTitle') : t('gesture.confirmTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('gesture.cancel') }}
    >
      <Stack gap="sm">
        <Text size="sm" data-testid="board-gesture-summary">
          {gesture.summary}
        </Text>
        {conflicted && (
          <ScheduleConflictNotice
            displacement={displacement}
            impact={<ImpactPreview requestId={gesture.requestId} body={emergencyBody} />}
          />
        )}
        {otherError && <ProblemAlert error={otherError} />}
        {conflicted && !displacement.emergency && (
          <Alert color="gray" variant="outline">
            <Text size="sm">{t('gesture.conflictHelp')}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('gesture.cancel')}
          </Button>
          <Button
            onClick={apply}
            loading={command.isPending}
            disabled={conflicted && !displacement.emergency}
            color={conflicted ? 'red.9' : undefined}
          >
            {conflicted ? t('gesture.applyEmergency') : t('gesture.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
