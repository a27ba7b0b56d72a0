/**
 * Everything under `['devices']`: the key the live notice of `devices` (anything a machine said,
 * its silence, its return) invalidates, so a diagnosis on screen follows without a reload.
 */
export const deviceKeys = {
  all: () => ['devices'] as const,
  diagnosis: (assetCode: string) => ['devices', 'diagnosis', assetCode] as const,
};
