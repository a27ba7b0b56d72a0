import type { Prng } from './prng';
import { pad } from './prng';

/** A service area around a real city: a drawn octagon plus the city's postal codes. */
export interface DemoZone {
  code: string;
  name: string;
  unitCode: string;
  country: 'IT' | 'DE';
  region: string;
  city: string;
  lat: number;
  lon: number;
  /** Half-width in degrees of latitude; kept small enough that no two zones overlap. */
  radius: number;
  postalCodes: string[];
  postalCode: (rng: Prng) => string;
}

const range =
  (low: number, high: number, width = 5) =>
  (rng: Prng) =>
    pad(rng.int(low, high), width);

export const DEMO_ZONES: readonly DemoZone[] = [
  {
    code: 'Z-MI-CENTRO',
    name: 'Milano città',
    unitCode: 'MI',
    country: 'IT',
    region: 'Lombardia',
    city: 'Milano',
    lat: 45.4642,
    lon: 9.19,
    radius: 0.07,
    postalCodes: ['201*'],
    postalCode: range(20121, 20162),
  },
  {
    code: 'Z-MI-MONZA',
    name: 'Monza e Brianza',
    unitCode: 'MI',
    country: 'IT',
    region: 'Lombardia',
    city: 'Monza',
    lat: 45.5845,
    lon: 9.2744,
    radius: 0.035,
    postalCodes: ['209*'],
    postalCode: range(20900, 20900),
  },
  {
    code: 'Z-MI-BERGAMO',
    name: 'Bergamo',
    unitCode: 'MI',
    country: 'IT',
    region: 'Lombardia',
    city: 'Bergamo',
    lat: 45.6983,
    lon: 9.6773,
    radius: 0.05,
    postalCodes: ['241*'],
    postalCode: range(24121, 24129),
  },
  {
    code: 'Z-MI-BRESCIA',
    name: 'Brescia',
    unitCode: 'MI',
    country: 'IT',
    region: 'Lombardia',
    city: 'Brescia',
    lat: 45.5416,
    lon: 10.2118,
    radius: 0.05,
    postalCodes: ['251*'],
    postalCode: range(25121, 25136),
  },
  {
    code: 'Z-MI-COMO',
    name: 'Como',
    unitCode: 'MI',
    country: 'IT',
    region: 'Lombardia',
    city: 'Como',
    lat: 45.8081,
    lon: 9.0852,
    radius: 0.04,
    postalCodes: ['221*'],
    postalCode: range(22100, 22100),
  },
  {
    code: 'Z-RM-CENTRO',
    name: 'Roma città',
    unitCode: 'RM',
    country: 'IT',
    region: 'Lazio',
    city: 'Roma',
    lat: 41.9028,
    lon: 12.4964,
    radius: 0.1,
    postalCodes: ['001*'],
    postalCode: range(118, 199),
  },
  {
    code: 'Z-RM-LATINA',
    name: 'Latina',
    unitCode: 'RM',
    country: 'IT',
    region: 'Lazio',
    city: 'Latina',
    lat: 41.4676,
    lon: 12.9037,
    radius: 0.04,
    postalCodes: ['041*'],
    postalCode: range(4100, 4100),
  },
  {
    code: 'Z-RM-VITERBO',
    name: 'Viterbo',
    unitCode: 'RM',
    country: 'IT',
    region: 'Lazio',
    city: 'Viterbo',
    lat: 42.4207,
    lon: 12.1077,
    radius: 0.04,
    postalCodes: ['011*'],
    postalCode: range(1100, 1100),
  },
  {
    code: 'Z-RM-FROSINONE',
    name: 'Frosinone',
    unitCode: 'RM',
    country: 'IT',
    region: 'Lazio',
    city: 'Frosinone',
    lat: 41.6396,
    lon: 13.3426,
    radius: 0.04,
    postalCodes: ['031*'],
    postalCode: range(3100, 3100),
  },
  {
    code: 'Z-MUC-STADT',
    name: 'München Stadt',
    unitCode: 'MUC',
    country: 'DE',
    region: 'Bayern',
    city: 'München',
    lat: 48.1351,
    lon: 11.582,
    radius: 0.09,
    postalCodes: ['80*', '81*'],
    postalCode: (rng) => `${rng.pick(['80', '81'])}${pad(rng.int(331, 999), 3)}`,
  },
  {
    code: 'Z-MUC-AUGSBURG',
    name: 'Augsburg',
    unitCode: 'MUC',
    country: 'DE',
    region: 'Bayern',
    city: 'Augsburg',
    lat: 48.3705,
    lon: 10.8978,
    radius: 0.05,
    postalCodes: ['861*'],
    postalCode: range(86150, 86199),
  },
  {
    code: 'Z-MUC-REGENSBURG',
    name: 'Regensburg',
    unitCode: 'MUC',
    country: 'DE',
    region: 'Bayern',
    city: 'Regensburg',
    lat: 49.0134,
    lon: 12.1016,
    radius: 0.04,
    postalCodes: ['930*'],
    postalCode: range(93047, 93059),
  },
  {
    code: 'Z-MUC-INGOLSTADT',
    name: 'Ingolstadt',
    unitCode: 'MUC',
    country: 'DE',
    region: 'Bayern',
    city: 'Ingolstadt',
    lat: 48.7665,
    lon: 11.4258,
    radius: 0.04,
    postalCodes: ['850*'],
    postalCode: range(85049, 85057),
  },
  {
    code: 'Z-HAM-STADT',
    name: 'Hamburg Stadt',
    unitCode: 'HAM',
    country: 'DE',
    region: 'Hamburg',
    city: 'Hamburg',
    lat: 53.5511,
    lon: 9.9937,
    radius: 0.1,
    postalCodes: ['20*', '21*', '22*'],
    postalCode: (rng) => `${rng.pick(['20', '21', '22'])}${pad(rng.int(95, 769), 3)}`,
  },
  {
    code: 'Z-HAM-LUEBECK',
    name: 'Lübeck',
    unitCode: 'HAM',
    country: 'DE',
    region: 'Schleswig-Holstein',
    city: 'Lübeck',
    lat: 53.8655,
    lon: 10.6866,
    radius: 0.04,
    postalCodes: ['235*'],
    postalCode: range(23552, 23570),
  },
  {
    code: 'Z-HAM-BREMEN',
    name: 'Bremen',
    unitCode: 'HAM',
    country: 'DE',
    region: 'Bremen',
    city: 'Bremen',
    lat: 53.0793,
    lon: 8.8017,
    radius: 0.06,
    postalCodes: ['28*'],
    postalCode: range(28195, 28779),
  },
  {
    code: 'Z-HAM-KIEL',
    name: 'Kiel',
    unitCode: 'HAM',
    country: 'DE',
    region: 'Schleswig-Holstein',
    city: 'Kiel',
    lat: 54.3233,
    lon: 10.1228,
    radius: 0.04,
    postalCodes: ['241*'],
    postalCode: range(24103, 24159),
  },
];

/** A regular octagon around the city, corrected for longitude shrinking with latitude. */
export function zoneOctagon(zone: DemoZone): { type: 'Polygon'; coordinates: [number, number][][] } {
  const lonRadius = zone.radius / Math.cos((zone.lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i < 8; i++) {
    const angle = (Math.PI / 4) * i + Math.PI / 8;
    ring.push([
      round(zone.lon + lonRadius * Math.cos(angle)),
      round(zone.lat + zone.radius * Math.sin(angle)),
    ]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/** A point well inside the zone's octagon (within 60 % of its radius). */
export function pointIn(zone: DemoZone, rng: Prng): { lat: number; lon: number } {
  const distance = zone.radius * 0.6 * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const lonRadius = distance / Math.cos((zone.lat * Math.PI) / 180);
  return {
    lat: round(zone.lat + distance * Math.sin(angle)),
    lon: round(zone.lon + lonRadius * Math.cos(angle)),
  };
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

export const IT_STREETS = [
  'Via Roma',
  'Via Garibaldi',
  'Corso Italia',
  'Via Dante Alighieri',
  'Via Giuseppe Mazzini',
  'Via Giuseppe Verdi',
  'Viale della Repubblica',
  'Via dei Mille',
  'Via Cavour',
  'Via Vittorio Emanuele II',
  "Via dell'Industria",
  "Via dell'Artigianato",
  'Via Marconi',
  'Via Manzoni',
  'Corso Buenos Aires',
  'Via Tiburtina',
  'Via Nazionale',
  'Via XX Settembre',
  'Piazza della Libertà',
  'Via San Francesco',
  'Via Leonardo da Vinci',
  'Via Matteotti',
];
export const DE_STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Schillerstraße',
  'Goethestraße',
  'Lindenstraße',
  'Industriestraße',
  'Leopoldstraße',
  'Gewerbering',
  'Am Markt',
  'Kirchplatz',
  'Mönckebergstraße',
  'Poststraße',
  'Berliner Allee',
  'Friedrichstraße',
  'Marienplatz',
  'Gartenstraße',
  'Ringstraße',
  'Dorfstraße',
  'Rosenheimer Straße',
  'Elbchaussee',
];
