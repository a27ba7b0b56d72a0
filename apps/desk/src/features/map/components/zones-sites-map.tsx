import 'leaflet/dist/leaflet.css';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip } from 'react-leaflet';
import type { Bounds } from '../geo/data-bounds';
import type { TileAvailability } from '../hooks/use-tile-probe';
import type { MapSite } from '../types/map-site';
import type { MapZone } from '../types/map-zone';
import { FitToBounds } from './fit-to-bounds';
import { FlyToSite } from './fly-to-site';

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
/** Without tiles the map is zones on a plain sea-grey ground: still readable. */
const PLAIN_BACKGROUND = '#f1f3f5';

export interface ZonesSitesMapProps {
  zones: readonly MapZone[];
  sites: readonly MapSite[];
  colours: ReadonlyMap<string, string>;
  bounds: Bounds | undefined;
  tiles: TileAvailability;
  selected: MapSite | undefined;
  onSelectSite: (code: string) => void;
  zoneLabel: (zone: MapZone) => string;
}

/**
 * Canvas rendering (preferCanvas): 600 sites as circle markers draw in one canvas, where 600 DOM
 * markers would make panning sluggish.
 */
export function ZonesSitesMap({
  zones,
  sites,
  colours,
  bounds,
  tiles,
  selected,
  onSelectSite,
  zoneLabel,
}: ZonesSitesMapProps) {
  const zoneUnit = new Map(zones.map((zone) => [zone.code, zone.unitCode]));
  return (
    <MapContainer
      preferCanvas
      center={[45.5, 10]}
      zoom={5}
      style={{ height: '100%', minHeight: 480, background: PLAIN_BACKGROUND, borderRadius: 8 }}
    >
      {tiles === 'available' && <TileLayer url={OSM_TILE_URL} attribution={OSM_ATTRIBUTION} />}
      {zones.map((zone) =>
        zone.geometry ? (
          <GeoJSON
            key={`${zone.code}:${colours.get(zone.unitCode) ?? ''}`}
            data={zone.geometry}
            style={{ color: colours.get(zone.unitCode) ?? '#666', weight: 1.5, fillOpacity: 0.18 }}
          >
            <Tooltip sticky>{zoneLabel(zone)}</Tooltip>
          </GeoJSON>
        ) : null,
      )}
      {sites.map((site) => (
        <CircleMarker
          key={site.code}
          center={[site.lat, site.lon]}
          radius={site.code === selected?.code ? 8 : 4}
          pathOptions={{
            color: site.code === selected?.code ? '#000' : '#1f2933',
            weight: site.code === selected?.code ? 3 : 1,
            fillColor: colours.get(zoneUnit.get(site.zoneCode ?? '') ?? '') ?? '#888',
            fillOpacity: 0.9,
          }}
          eventHandlers={{ click: () => onSelectSite(site.code) }}
        />
      ))}
      <FitToBounds bounds={bounds} />
      <FlyToSite site={selected} />
    </MapContainer>
  );
}
