import { Button, FileButton } from '@mantine/core';

/**
 * A button that opens the phone's camera (the rear one, `capture="environment"`) or the gallery
 * on a computer: `<input type=file accept="image/*" capture>` behind a real button.
 */
export function PhotoPicker({
  label,
  onPick,
  loading = false,
  variant = 'default',
}: {
  label: string;
  onPick: (file: File) => void;
  loading?: boolean;
  variant?: 'default' | 'light' | 'filled';
}) {
  return (
    <FileButton
      onChange={(file) => file && onPick(file)}
      accept="image/*"
      capture="environment"
      inputProps={{ 'aria-label': label }}
    >
      {(props) => (
        <Button {...props} variant={variant} loading={loading}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}
