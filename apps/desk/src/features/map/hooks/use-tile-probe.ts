import { useEffect, useState } from 'react';

export type TileAvailability = 'probing' | 'available' | 'unavailable';

/**
 * Loads one tile before the tile layer is drawn: offline (as on build machines) that is one failed
 * request instead of dozens of broken tiles and console errors at every pan and zoom.
 */
export function useTileProbe(probeUrl: string, timeoutMs = 4000): TileAvailability {
  const [state, setState] = useState<TileAvailability>('probing');
  useEffect(() => {
    let settled = false;
    const settle = (next: TileAvailability) => {
      if (settled) return;
      settled = true;
      setState(next);
    };
    const image = new Image();
    image.onload = () => settle('available');
    image.onerror = () => settle('unavailable');
    const timer = setTimeout(() => settle('unavailable'), timeoutMs);
    image.src = probeUrl;
    return () => {
      settled = true;
      clearTimeout(timer);
      image.onload = null;
      image.onerror = null;
    };
  }, [probeUrl, timeoutMs]);
  return state;
}
