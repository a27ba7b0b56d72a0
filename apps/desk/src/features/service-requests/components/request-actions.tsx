import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_COMMANDS, type DeskCommand } from '../types/desk-command';
import { AssignForm } from './assign-form';
import { CommandForm } from './command-form';
import { RescheduleForm } from './reschedule-form';

const PRIMARY: readonly DeskCommand[] = ['accept', 'assign'];
const DESTRUCTIVE: readonly DeskCommand[] = ['reject', 'cancel'];

/**
 * A button for each command the request allows now (the state machine's `allowedCommands`; the
 * API may still refuse one to the caller's role), each opening its small form in a dialog.
 */
export function RequestActions({
  request,
  onDone,
}: {
  request: ServiceRequestDetail;
  onDone: (command: DeskCommand) => void;
}) {
  const { t } = useTranslation('serviceRequests');
  const [command, setCommand] = useState<DeskCommand | null>(null);
  const [opened, setOpened] = useState(false);
  // A fresh form (and Idempotency-Key) for every opening.
  const [opening, setOpening] = useState(0);
  const allowed = DESK_COMMANDS.filter((name) => request.allowedCommands.includes(name));
  const open = (name: DeskCommand) => {
    setCommand(name);
    setOpening((n) => n + 1);
    setOpened(true);
  };
  // Closing leaves the command set, so Mantine can hand focus back to the button that opened it.
  const close = () => setOpened(false);
  const done = () => {
    setOpened(false);
    if (command) onDone(command);
  };
  if (allowed.length === 0) return null;
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('detail.actions')}>
        {allowed.map((name) => (
          <Button
            key={name}
            size="sm"
            variant={PRIMARY.includes(name) ? 'filled' : 'default'}
            color={DESTRUCTIVE.includes(name) ? 'red.9' : undefined}
            onClick={() => open(name)}
          >
            {t(`commands.${name}.button`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={opened && command !== null}
        onClose={close}
        title={command ? t(`commands.${command}.title`) : ''}
        size={command === 'assign' || command === 'reschedule' ? 'xl' : 'md'}
        closeButtonProps={{ 'aria-label': t('detail.closeDialog') }}
      >
        {/* Kept while the dialog closes, so it does not empty during the transition. */}
        {command === 'assign' ? (
          <AssignForm key={opening} request={request} onCancel={close} onDone={done} />
        ) : command === 'reschedule' ? (
          <RescheduleForm key={opening} request={request} onCancel={close} onDone={done} />
        ) : command ? (
          <CommandForm key={opening} command={command} request={request} onCancel={close} onDone={done} />
        ) : null}
      </Modal>
    </>
  );
}
