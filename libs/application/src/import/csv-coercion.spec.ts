import { masterDataKind } from '@fieldstream/domain';
import { coerceCell, csvRecordFields } from './csv-coercion';

describe('CSV coercion by the kind schema', () => {
  const technician = masterDataKind('technician');
  const site = masterDataKind('site');
  const item = masterDataKind('item');

  it('nests dotted columns, leaves empty cells out and reads the code apart', () => {
    const header = [
      'code',
      'name',
      'customerCode',
      'address.city',
      'address.country',
      'location.lat',
      'location.lon',
      'zoneCode',
    ];
    expect(
      csvRecordFields(site, header, ['S1', 'Filiale', 'ACME', 'Milano', 'IT', '45.46', '9.19', '']),
    ).toEqual({
      code: 'S1',
      fields: {
        name: 'Filiale',
        customerCode: 'ACME',
        address: { city: 'Milano', country: 'IT' },
        location: { lat: 45.46, lon: 9.19 },
      },
    });
  });

  it('splits arrays of scalars on | and reads arrays of objects as JSON', () => {
    expect(coerceCell(technician, 'roleCodes', 'GAS | ELEC|')).toEqual(['GAS', 'ELEC']);
    expect(coerceCell(technician, 'skills', '[{"skillCode":"F-GAS","level":4}]')).toEqual([
      { skillCode: 'F-GAS', level: 4 },
    ]);
    expect(coerceCell(technician, 'skills', 'F-GAS')).toBe('F-GAS');
  });

  it.each([
    ['true', true],
    ['Sì', true],
    ['si', true],
    ['ja', true],
    ['yes', true],
    ['1', true],
    ['no', false],
    ['Nein', false],
    ['0', false],
    ['maybe', 'maybe'],
  ])('reads the boolean %j as %j', (text, value) => {
    expect(coerceCell(technician, 'active', text)).toBe(value);
  });

  it('reads numbers, with a decimal comma too, and leaves non-numbers for the schema to refuse', () => {
    expect(coerceCell(item, 'unitPrice', '12.5')).toBe(12.5);
    expect(coerceCell(item, 'unitPrice', '12,5')).toBe(12.5);
    expect(coerceCell(item, 'unitPrice', 'cheap')).toBe('cheap');
    expect(coerceCell(item, 'name', '00123')).toBe('00123');
  });

  it('keeps columns the kind does not have as text, for the schema to name', () => {
    expect(coerceCell(item, 'colour', 'red')).toBe('red');
  });
});
