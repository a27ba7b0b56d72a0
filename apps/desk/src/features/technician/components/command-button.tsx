import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { OFFLINE_EXPLANATION_ID } from './offline-banner';

/**
 * A button that sends a command: big enough for a thumb, and off while the phone is offline (the
 * offline banner, which it points to, says why).
 */
export function CommandButton({
  online,
  children,
  type = 'button',
  onClick,
  ...props
}: ButtonProps & {
  online: boolean;
  children: ReactNode;
  type?: 'button' | 'submit';
  onClick?: () => void;
}) {
  return (
    <Button
      size="md"
      mih={44}
      {...props}
      type={type}
      onClick={onClick}
      disabled={!online || props.disabled}
      aria-describedby={online ? undefined : OFFLINE_EXPLANATION_ID}
    >
      {children}
    </Button>
  );
}
