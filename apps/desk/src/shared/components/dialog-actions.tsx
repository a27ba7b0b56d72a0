import { Button, Group } from '@mantine/core';

export interface DialogActionsProps {
  cancelLabel: string;
  onCancel: () => void;
  confirmLabel: string;
  /** The confirm button spins while the request is out. */
  pending: boolean;
  /** For what cannot be undone in a click (retire, revoke, delete). */
  destructive?: boolean;
  /** Without it the confirm button submits the dialog's form. */
  onConfirm?: () => void;
}

/** A dialog's footer: cancel on the left, the action on the right, as in every dialog of the desk. */
export function DialogActions({
  cancelLabel,
  onCancel,
  confirmLabel,
  pending,
  destructive = false,
  onConfirm,
}: DialogActionsProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        color={destructive ? 'red.9' : undefined}
        loading={pending}
        onClick={onConfirm}
      >
        {confirmLabel}
      </Button>
    </Group>
  );
}
