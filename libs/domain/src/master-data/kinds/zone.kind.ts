import { z } from 'zod';
import { code, countryCode, name, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4, 'A ring has at least 4 positions, the last equal to the first');
/** GeoJSON (RFC 7946), WGS84 longitude/latitude. */
export const zoneGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }).strict(),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }).strict(),
]);

/** A piece of territory served by one unit; sites resolve to it by coordinates or postal code. */
export const zoneSchema = z
  .object({
    name,
    unitCode: code,
    country: countryCode.optional(),
    geometry: zoneGeometrySchema.optional(),
    /** Exact postal codes or prefixes written with a trailing `*` (`201*`). */
    postalCodes: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9 -]{1,12}\*?$/),
      )
      .max(5000)
      .default([]),
    /** Zones to fall back on when this one has nobody free; polygons touching are neighbours anyway. */
    neighbourCodes: uniqueCodes().default([]),
  })
  .strict()
  .superRefine((zone, ctx) => {
    if (!zone.geometry && zone.postalCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['geometry'], message: 'A zone needs a polygon or postal codes' });
    }
    for (const ring of (zone.geometry?.type === 'Polygon'
      ? [zone.geometry.coordinates]
      : (zone.geometry?.coordinates ?? [])
    ).flat()) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
        ctx.addIssue({
          code: 'custom',
          path: ['geometry', 'coordinates'],
          message: 'Every ring must end where it starts',
        });
        break;
      }
    }
  });
export type Zone = z.infer<typeof zoneSchema>;

export const zoneKind = defineKind({
  name: 'zone',
  plural: 'zones',
  schema: zoneSchema,
  references: (zone) => [
    ...refs('unit', 'unitCode', zone.unitCode),
    ...refs('zone', 'neighbourCodes', zone.neighbourCodes),
  ],
  scope: (zone, zoneCode) => ({ units: [zone.unitCode], zones: [zoneCode] }),
  searchFields: ['name'],
  columns: ['name', 'unitCode', 'country'],
});
