import { masterDataKind } from '@fieldstream/domain';
import { z } from 'zod';
import { csvTemplateColumns } from './csv-template-columns';
import { csvTemplateText } from './csv-template-text';

describe('CSV template of a kind', () => {
  it('starts with the code, then the fields in schema order', () => {
    expect(csvTemplateColumns(masterDataKind('skill').schema)).toEqual([
      'code',
      'name',
      'description',
      'certified',
    ]);
  });

  it('spreads nested objects into dotted columns and keeps arrays as one column', () => {
    const columns = csvTemplateColumns(masterDataKind('site').schema);
    expect(columns.slice(0, 3)).toEqual(['code', 'name', 'customerCode']);
    expect(columns).toEqual(
      expect.arrayContaining([
        'address.street',
        'address.city',
        'address.country',
        'location.lat',
        'location.lon',
        'contacts',
      ]),
    );
    expect(columns).not.toContain('address');
    expect(columns).not.toContain('contacts.name');
  });

  it('keeps a union (a GeoJSON geometry) as one column', () => {
    expect(csvTemplateColumns(masterDataKind('zone').schema)).toEqual([
      'code',
      'name',
      'unitCode',
      'country',
      'geometry',
      'postalCodes',
      'neighbourCodes',
    ]);
  });

  it('derives a template for every kind', () => {
    for (const name of ['unit', 'technician', 'calendar', 'asset', 'contract', 'parameters'] as const) {
      const columns = csvTemplateColumns(masterDataKind(name).schema);
      expect(columns[0]).toBe('code');
      expect(new Set(columns).size).toBe(columns.length);
    }
  });

  it('writes one CRLF-terminated header line, quoting only where RFC 4180 needs it', () => {
    const schema = z.object({ name: z.string(), 'odd,name': z.string() });
    expect(csvTemplateText(schema)).toBe('code,name,"odd,name"\r\n');
  });
});
