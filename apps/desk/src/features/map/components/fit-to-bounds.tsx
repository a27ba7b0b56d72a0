import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { Bounds } from '../geo/data-bounds';

/** Re-fits the view when the data (or the filter) changes what there is to see. */
export function FitToBounds({ bounds }: { bounds: Bounds | undefined }) {
  const map = useMap();
  const key = bounds ? bounds.flat().join(',') : '';
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
    // The key stands for the bounds' values: a new array with the same numbers must not re-fit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}
