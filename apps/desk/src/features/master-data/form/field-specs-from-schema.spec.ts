import { masterDataKind, type MasterDataKindName } from '@fieldstream/domain';
import { z } from 'zod';
import type { FieldSpec } from './field-spec';
import { fieldSpecsFromSchema, type JsonSchemaNode } from './field-specs-from-schema';
import { referenceKindOf } from './reference-kind-of';

function specsOf(kind: MasterDataKindName): FieldSpec[] {
  const schema = z.toJSONSchema(masterDataKind(kind).schema, { io: 'input', unrepresentable: 'any' });
  return fieldSpecsFromSchema(schema as JsonSchemaNode, kind);
}

const byName = (specs: FieldSpec[], name: string) => specs.find((spec) => spec.name === name);

describe('form generation from a kind schema', () => {
  it('makes text, enum, boolean, nested groups and repeatable groups of a customer', () => {
    const specs = specsOf('customer');
    expect(byName(specs, 'name')).toMatchObject({ type: 'text', required: true, path: 'name' });
    expect(byName(specs, 'email')).toMatchObject({ type: 'text', required: false });
    expect(byName(specs, 'language')).toMatchObject({
      type: 'enum',
      options: ['it', 'en', 'de'],
      default: 'it',
    });
    const address = byName(specs, 'billingAddress');
    expect(address).toMatchObject({ type: 'object', required: false });
    expect(address?.type === 'object' && address.fields.map((f) => [f.name, f.path, f.required])).toEqual([
      ['street', 'billingAddress.street', false],
      ['city', 'billingAddress.city', false],
      ['postalCode', 'billingAddress.postalCode', false],
      ['region', 'billingAddress.region', false],
      ['country', 'billingAddress.country', true],
    ]);
    const contacts = byName(specs, 'contacts');
    expect(contacts).toMatchObject({ type: 'objectArray', default: [] });
    expect(contacts?.type === 'objectArray' && contacts.item.map((f) => f.name)).toEqual([
      'name',
      'role',
      'email',
      'phone',
    ]);
  });

  it('turns codes into reference pickers of the right kind, dates into date inputs, numbers with their bounds', () => {
    const specs = specsOf('contract');
    expect(byName(specs, 'customerCode')).toMatchObject({
      type: 'reference',
      refKind: 'customer',
      required: true,
    });
    expect(byName(specs, 'siteCodes')).toMatchObject({ type: 'references', refKind: 'site' });
    expect(byName(specs, 'serviceCalendarCode')).toMatchObject({ type: 'reference', refKind: 'calendar' });
    expect(byName(specs, 'validFrom')).toMatchObject({ type: 'date', required: true });
    expect(byName(specs, 'penaltyPerHour')).toMatchObject({
      type: 'number',
      integer: false,
      min: 0,
      default: 0,
    });
    expect(byName(specs, 'includesLabour')).toMatchObject({ type: 'boolean', default: true });
    const levels = byName(specs, 'serviceLevels');
    expect(levels?.type === 'objectArray' && levels.item.map((f) => [f.name, f.type])).toEqual([
      ['priority', 'enum'],
      ['responseMinutes', 'number'],
      ['restorationMinutes', 'number'],
    ]);
  });

  it('edits geometries as JSON, lists of plain strings as tags, and finds references inside repeatable groups', () => {
    const zone = specsOf('zone');
    expect(byName(zone, 'geometry')).toMatchObject({ type: 'json' });
    expect(byName(zone, 'postalCodes')).toMatchObject({ type: 'tags' });
    expect(byName(zone, 'neighbourCodes')).toMatchObject({ type: 'references', refKind: 'zone' });
    const skills = byName(specsOf('technician'), 'skills');
    expect(skills?.type === 'objectArray' && byName(skills.item, 'skillCode')).toMatchObject({
      type: 'reference',
      refKind: 'skill',
    });
    expect(byName(specsOf('technician'), 'roleCodes')).toMatchObject({
      type: 'references',
      refKind: 'professional-role',
    });
  });

  it("agrees with every kind's own references() on which field points where", () => {
    const cases: [MasterDataKindName, string, MasterDataKindName][] = [
      ['asset', 'modelCode', 'asset-model'],
      ['site', 'accessCalendarCode', 'calendar'],
      ['unit', 'parentCode', 'unit'],
      ['unit', 'managerCodes', 'technician'],
      ['condition', 'requiredSkillCodes', 'skill'],
      ['warehouse', 'technicianCode', 'technician'],
    ];
    for (const [kind, field, expected] of cases)
      expect({ field, kind: referenceKindOf(field, kind) }).toEqual({ field, kind: expected });
    expect(referenceKindOf('postalCode', 'site')).toBeUndefined();
    expect(referenceKindOf('countryCode', 'site')).toBeUndefined();
  });
});
