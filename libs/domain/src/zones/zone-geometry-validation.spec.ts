import { validateZoneGeometry } from './zone-geometry-validation';
import { box } from './zone-areas.fixture';

describe('validateZoneGeometry', () => {
  it('accepts a closed polygon, a polygon with a hole and a multipolygon', () => {
    expect(validateZoneGeometry(box(9.04, 45.39, 9.28, 45.54))).toEqual([]);
    const outer = box(9, 45, 10, 46).coordinates[0];
    const hole = [...(box(9.2, 45.2, 9.4, 45.4).coordinates[0] ?? [])].reverse();
    expect(validateZoneGeometry({ type: 'Polygon', coordinates: [outer, hole] })).toEqual([]);
    expect(
      validateZoneGeometry({
        type: 'MultiPolygon',
        coordinates: [box(9, 45, 10, 46).coordinates, box(11, 48, 12, 49).coordinates],
      }),
    ).toEqual([]);
  });

  it('names the wrong type, or a missing geometry', () => {
    expect(validateZoneGeometry({ type: 'Point', coordinates: [9, 45] })).toEqual([
      { field: 'geometry.type', message: 'Expected "Polygon" or "MultiPolygon", got "Point"' },
    ]);
    expect(validateZoneGeometry(null)).toEqual([
      { field: 'geometry', message: expect.stringContaining('Polygon') },
    ]);
    expect(validateZoneGeometry({ type: 'Polygon', coordinates: [] })).toEqual([
      { field: 'geometry.coordinates', message: expect.stringContaining('non-empty') },
    ]);
  });

  it('names the position that is out of range or not a position', () => {
    const coordinates = [
      [
        [9, 45],
        [10, 45],
        [190, 46],
        [9, 91],
        ['9', 45],
        [9, 45],
      ],
    ];
    expect(validateZoneGeometry({ type: 'Polygon', coordinates })).toEqual([
      { field: 'geometry.coordinates[0][2]', message: 'Longitude 190 is outside [-180, 180]' },
      { field: 'geometry.coordinates[0][3]', message: 'Latitude 91 is outside [-90, 90]' },
      { field: 'geometry.coordinates[0][4]', message: 'A position is [longitude, latitude] in numbers' },
    ]);
  });

  it('requires rings to be closed, of at least 4 positions, and to enclose an area', () => {
    const open = [
      [9, 45],
      [10, 45],
      [10, 46],
      [9, 46],
    ];
    expect(validateZoneGeometry({ type: 'Polygon', coordinates: [open] })).toEqual([
      { field: 'geometry.coordinates[0]', message: expect.stringContaining('closed') },
    ]);
    const short = [
      [9, 45],
      [10, 45],
      [9, 45],
    ];
    expect(validateZoneGeometry({ type: 'Polygon', coordinates: [short] })).toEqual([
      { field: 'geometry.coordinates[0]', message: expect.stringContaining('at least 4 positions') },
    ]);
    const flat = [
      [9, 45],
      [9.5, 45],
      [10, 45],
      [9, 45],
    ];
    expect(
      validateZoneGeometry({ type: 'MultiPolygon', coordinates: [box(11, 48, 12, 49).coordinates, [flat]] }),
    ).toEqual([{ field: 'geometry.coordinates[1][0]', message: expect.stringContaining('enclose an area') }]);
  });
});
