import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { MapSite } from '../types/map-site';

/** Brings a site chosen from the list (the keyboard's way in) into view. */
export function FlyToSite({ site }: { site: MapSite | undefined }) {
  const map = useMap();
  useEffect(() => {
    if (site) map.setView([site.lat, site.lon], Math.max(map.getZoom(), 12));
  }, [map, site]);
  return null;
}
