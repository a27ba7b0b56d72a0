import { masterDataKind } from '@fieldstream/domain';
import { z } from 'zod';
import { fieldSpecsFromSchema, type JsonSchemaNode } from './field-specs-from-schema';
import { cleanFormValues, initialFormValues, InvalidJsonText, valueAt, withValueAt } from './form-values';

const specsOf = (kind: 'customer' | 'zone') =>
  fieldSpecsFromSchema(
    z.toJSONSchema(masterDataKind(kind).schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode,
    kind,
  );

describe('form values', () => {
  it('starts a new record from the schema defaults', () => {
    expect(initialFormValues(specsOf('customer'))).toEqual({ contacts: [], language: 'it' });
  });

  it('drops blanks and empty optional groups, so the body is what the schema accepts', () => {
    const { body, invalidJson } = cleanFormValues(specsOf('customer'), {
      name: 'ACME',
      email: '',
      billingAddress: { street: '', city: '' },
      contacts: [{ name: 'Ada', email: '' }],
      language: 'en',
    });
    expect(invalidJson).toEqual([]);
    expect(body).toEqual({ name: 'ACME', contacts: [{ name: 'Ada' }], language: 'en' });
    expect(z.safeParse(masterDataKind('customer').schema, body).success).toBe(true);
  });

  it('reports JSON fields that do not parse, by path', () => {
    const { invalidJson } = cleanFormValues(specsOf('zone'), {
      name: 'Z',
      unitCode: 'U',
      geometry: new InvalidJsonText('{'),
    });
    expect(invalidJson).toEqual(['geometry']);
  });

  it('reads and writes nested paths without touching the original', () => {
    const original = { contacts: [{ name: 'Ada' }] };
    const next = withValueAt(original, 'contacts.1.email', 'b@example.com');
    expect(next).toEqual({ contacts: [{ name: 'Ada' }, { email: 'b@example.com' }] });
    expect(original).toEqual({ contacts: [{ name: 'Ada' }] });
    expect(valueAt(next, 'contacts.1.email')).toBe('b@example.com');
    expect(withValueAt({}, 'billingAddress.city', 'Roma')).toEqual({ billingAddress: { city: 'Roma' } });
  });
});
