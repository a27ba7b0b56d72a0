import {
  type ExportedIntervention,
  INTERVENTION_CSV_COLUMNS,
  MATERIAL_CSV_COLUMNS,
} from '@fieldstream/api-contract';
import { exportedMaterialLines } from './exported-interventions';
import { interventionsCsv, materialLinesCsv, plainNumber } from './intervention-csv';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');

const closure: ExportedIntervention = {
  position: 4711,
  requestId: '0d6c1f3e-2b7a-4c1d-9e8f-1a2b3c4d5e6f',
  reference: 'SR-0D6C1F3E',
  externalReference: null,
  closureSequence: 2,
  supersedes: {
    position: 4100,
    closureSequence: 1,
    closedAt: '2026-11-30T10:00:00.000Z',
    reopenedAt: '2026-11-30T20:00:00.000Z',
    reopenReason: 'Came back',
  },
  customer: { code: 'ACME', name: 'ACME, S.p.A. "Milano"' },
  site: { code: 'S-ACME-1', name: 'ACME Milano' },
  asset: { code: 'SN-ACME-1', name: null, modelCode: 'BOILER-X' },
  contract: { code: 'C-ACME', name: 'ACME gold' },
  unit: { code: 'MI', name: 'Milano' },
  zoneCode: 'Z-MI',
  priority: 'high',
  source: 'desk',
  openedAt: '2026-11-30T08:00:00.000Z',
  closedAt: '2026-11-30T23:30:00.000Z',
  closedOn: '2026-12-01',
  closedBy: { id: 'u1', name: 'Mario Rossi', role: 'technician' },
  technicians: [
    { code: 'T-MI-1', name: 'Mario Rossi', labourMinutes: null },
    { code: 'T-MI-2', name: 'Anna Verdi', labourMinutes: null },
  ],
  labourMinutes: 90,
  estimatedLabourMinutes: 120,
  travelMinutes: 30,
  travelKm: 0.0000001,
  materials: [
    {
      line: 1,
      itemCode: 'OIL',
      itemName: 'Pump oil',
      quantity: 0.1 + 0.2,
      unitOfMeasure: 'litre',
      unitPrice: 12.5,
      warehouse: { code: 'VAN-T-MI-1', name: 'Van of Rossi', type: 'van', technicianCode: 'T-MI-1' },
    },
  ],
  correctiveActions: ['Replaced the filter', 'Bled the circuit'],
  resolution: 'Works again.\nCustomer asked for a quote.',
};

describe('the closed interventions as CSV', () => {
  it('writes the documented header, CRLF line ends, and quotes commas, quotes and line feeds', () => {
    const csv = interventionsCsv([closure]);
    expect(csv.split('\r\n')[0]).toBe(INTERVENTION_CSV_COLUMNS.map((column) => column.name).join(','));
    expect(csv).toContain('"ACME, S.p.A. ""Milano"""');
    expect(csv).toContain('"Works again.\nCustomer asked for a quote."');
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      position: '4711',
      closure_sequence: '2',
      supersedes_position: '4100',
      customer_name: 'ACME, S.p.A. "Milano"',
      asset_code: 'SN-ACME-1',
      technician_codes: 'T-MI-1|T-MI-2',
      technician_names: 'Mario Rossi | Anna Verdi',
      travel_km: '0.0000001',
      material_lines: '1',
      corrective_actions: 'Replaced the filter | Bled the circuit',
      resolution: closure.resolution,
      external_reference: '',
    });
  });

  it('writes one row per material line, numbers in plain dot-decimal', () => {
    const csv = materialLinesCsv(exportedMaterialLines([closure]));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(MATERIAL_CSV_COLUMNS.map((column) => column.name));
    expect(rows).toEqual([
      expect.objectContaining({
        item_code: 'OIL',
        quantity: '0.30000000000000004',
        unit_price: '12.5',
        warehouse_type: 'van',
        van_technician_code: 'T-MI-1',
      }),
    ]);
  });

  it('answers the header alone when nothing closed', () => {
    expect(interventionsCsv([])).toBe(
      `${INTERVENTION_CSV_COLUMNS.map((column) => column.name).join(',')}\r\n`,
    );
  });

  it('never writes an exponent nor a locale’s comma', () => {
    expect([1e21, 1e-7, 12.5, -0, 3].map(plainNumber)).toEqual([
      '1000000000000000000000',
      '0.0000001',
      '12.5',
      '0',
      '3',
    ]);
  });
});
