import { sheetOf } from '../testing/sheet-of';
import type { CloseDraft } from '../types/close-draft';
import { closeBody } from './close-body';
import { defaultWarehouse } from './default-warehouse';
import { estimateMinutes } from './estimate-minutes';
import { normaliseFieldPath } from './normalise-field-path';
import { resolveViewer } from './resolve-viewer';
import { sheetActions } from './sheet-actions';

const draft = (fields: Partial<CloseDraft> = {}): CloseDraft => ({
  labourMinutes: '75',
  travelMinutes: '20',
  travelKm: '12,5',
  materials: [],
  correctiveActions: [],
  otherActions: '',
  resolution: 'Seal replaced',
  ...fields,
});

describe('closeBody', () => {
  it('builds the body: numbers (decimal comma too), materials, the ticked actions then the typed ones', () => {
    expect(
      closeBody(
        draft({
          materials: [{ key: 'r1', itemCode: 'SEAL', quantity: '2', warehouseCode: 'VAN-T-MI-1' }],
          correctiveActions: ['Replace the seal'],
          otherActions: ' Checked hoses \n\nReplace the seal\n',
          resolution: '  Seal replaced  ',
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        labourMinutes: 75,
        travelMinutes: 20,
        travelKm: 12.5,
        materials: [{ itemCode: 'SEAL', quantity: 2, warehouseCode: 'VAN-T-MI-1' }],
        correctiveActions: ['Replace the seal', 'Checked hoses'],
        resolution: 'Seal replaced',
      },
    });
  });

  it('names every problem by the path the API would use, and builds nothing', () => {
    expect(
      closeBody(
        draft({
          labourMinutes: '',
          travelMinutes: '12.5',
          travelKm: '-1',
          resolution: ' ',
          materials: [
            { key: 'r1', itemCode: '', quantity: '0', warehouseCode: 'VAN' },
            { key: 'r2', itemCode: 'SEAL', quantity: 'two', warehouseCode: '' },
          ],
        }),
      ),
    ).toEqual({
      ok: false,
      problems: {
        labourMinutes: 'required',
        travelMinutes: 'notWholeMinutes',
        travelKm: 'negative',
        'materials.0.itemCode': 'required',
        'materials.0.quantity': 'notPositive',
        'materials.1.quantity': 'notANumber',
        'materials.1.warehouseCode': 'required',
        resolution: 'required',
      },
    });
    expect(closeBody(draft({ labourMinutes: '100001' }))).toEqual({
      ok: false,
      problems: { labourMinutes: 'tooBig' },
    });
    expect(closeBody(draft({ otherActions: 'x'.repeat(501) }))).toEqual({
      ok: false,
      problems: { otherActions: 'tooLong' },
    });
  });
});

describe('estimateMinutes', () => {
  it("sums the conditions' expected minutes, or falls back to the planned time", () => {
    expect(estimateMinutes(sheetOf(), 'T-MI-1')).toBe(75);
    const bare = { ...sheetOf(), conditions: [] };
    expect(estimateMinutes(bare, 'T-MI-1')).toBe(120);
    expect(estimateMinutes(bare, 'T-RM-1')).toBeUndefined();
  });
});

describe('sheetActions', () => {
  const tech = { role: 'technician' as const, technicianCode: 'T-MI-1', actsForAnother: false };
  it('offers setting out, start and renounce to the assigned technician before work, the rest once on site', () => {
    expect(sheetActions(sheetOf().request, tech)).toEqual(['onTheWay', 'start', 'renounce', 'note']);
    expect(sheetActions(sheetOf().request, { ...tech, technicianCode: 'T-RM-1' })).toEqual(['note']);
    expect(sheetActions(sheetOf({ status: 'in-progress' }).request, tech)).toEqual([
      'start',
      'conditionFound',
      'note',
      'followUp',
      'close',
    ]);
    const started = sheetOf({
      status: 'in-progress',
      assignments: [{ ...sheetOf().request.assignments[0]!, startedAt: '2026-11-27T08:05:00Z' }],
    });
    expect(sheetActions(started.request, tech)).toEqual(['conditionFound', 'note', 'followUp', 'close']);
    const departed = sheetOf({
      assignments: [{ ...sheetOf().request.assignments[0]!, departedAt: '2026-11-27T07:40:00Z' }],
    });
    expect(sheetActions(departed.request, tech)).toEqual(['start', 'renounce', 'note']);
    expect(sheetActions(sheetOf({ status: 'closed' }).request, tech)).toEqual(['note', 'followUp']);
    expect(sheetActions(sheetOf({ status: 'cancelled' }).request, tech)).toEqual(['note']);
  });

  it("narrows to the server's allowed commands and leaves readers with none", () => {
    expect(sheetActions(sheetOf({ allowedCommands: ['startWork', 'addNote'] }).request, tech)).toEqual([
      'start',
      'note',
    ]);
    expect(
      sheetActions(sheetOf().request, { role: 'manager', technicianCode: 'T-MI-1', actsForAnother: true }),
    ).toEqual([]);
  });
});

describe('resolveViewer', () => {
  it('makes a technician act for themselves whatever the address says', () => {
    expect(resolveViewer({ role: 'technician', binding: { technicianCode: 'T-MI-1' } }, 'T-RM-1')).toEqual({
      role: 'technician',
      technicianCode: 'T-MI-1',
      actsForAnother: false,
    });
  });

  it('makes an office user act for the technician named, or the only one assigned', () => {
    const admin = { role: 'admin' as const, binding: {} };
    const assignments = sheetOf().request.assignments;
    expect(resolveViewer(admin, 'T-RM-1', assignments).technicianCode).toBe('T-RM-1');
    expect(resolveViewer(admin, null, assignments)).toEqual({
      role: 'admin',
      technicianCode: 'T-MI-1',
      actsForAnother: true,
    });
    expect(resolveViewer(admin, null, []).technicianCode).toBeUndefined();
  });
});

describe('small helpers', () => {
  it("defaults materials to the technician's own van", () => {
    const sources = [
      { code: 'WH-MI', name: 'Milan', type: 'warehouse' as const },
      { code: 'VAN-T-RM-1', name: 'Van RM', type: 'van' as const, technicianCode: 'T-RM-1' },
      { code: 'VAN-T-MI-1', name: 'Van MI', type: 'van' as const, technicianCode: 'T-MI-1' },
    ];
    expect(defaultWarehouse(sources, 'T-MI-1')).toBe('VAN-T-MI-1');
    expect(defaultWarehouse(sources, 'T-XX')).toBeUndefined();
    expect(defaultWarehouse(sources, undefined)).toBeUndefined();
  });

  it('reads the API and domain ways of naming a close field alike', () => {
    expect(normaliseFieldPath('materials.0.quantity')).toBe('materials.0.quantity');
    expect(normaliseFieldPath('actuals.materials[0].quantity')).toBe('materials.0.quantity');
    expect(normaliseFieldPath('resolution')).toBe('resolution');
  });
});
