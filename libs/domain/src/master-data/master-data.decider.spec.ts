import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import { customerSchema } from './kinds/customer.kind';
import { masterDataDecider } from './master-data.decider';

const spec = deciderSpecification(masterDataDecider('customer'));
const acme = customerSchema.parse({ name: 'ACME S.p.A.', vatNumber: 'IT01234567890' });
const registered = {
  type: 'CustomerRegistered' as const,
  data: { kind: 'customer' as const, code: 'ACME', record: acme },
};

describe('master-data decider (customer)', () => {
  it('registers a new record with the whole record in the event', () => {
    spec.given([]).when({ type: 'register', code: 'ACME', record: acme }).then([registered]);
  });

  it('treats the same registration again as done, and a different one as a conflict', () => {
    spec
      .given([registered])
      .when({ type: 'register', code: 'ACME', record: { ...acme } })
      .thenNothingHappens();
    spec
      .given([registered])
      .when({ type: 'register', code: 'ACME', record: { ...acme, name: 'Other' } })
      .thenThrows(DomainError, (error) => error.code === 'already_exists');
  });

  it('records a change with the fields that changed, and nothing for an equal record whatever its key order', () => {
    const changed = { ...acme, name: 'ACME Italia S.p.A.', phone: '+39 02 1234567' };
    spec
      .given([registered])
      .when({ type: 'change', code: 'ACME', record: changed })
      .then([
        {
          type: 'CustomerChanged',
          data: { kind: 'customer', code: 'ACME', record: changed, changedFields: ['name', 'phone'] },
        },
      ]);
    const reordered = Object.fromEntries(Object.entries(acme).reverse());
    spec.given([registered]).when({ type: 'change', code: 'ACME', record: reordered }).thenNothingHappens();
  });

  it('refuses to change what does not exist or is retired', () => {
    spec
      .given([])
      .when({ type: 'change', code: 'ACME', record: acme })
      .thenThrows(DomainError, (e) => e.code === 'not_found');
    const retired = {
      type: 'CustomerRetired' as const,
      data: { kind: 'customer' as const, code: 'ACME', reason: 'closed down' },
    };
    spec
      .given([registered, retired])
      .when({ type: 'change', code: 'ACME', record: acme })
      .thenThrows(DomainError, (e) => e.code === 'retired');
    spec
      .given([registered, retired])
      .when({ type: 'upsert', code: 'ACME', record: acme })
      .thenThrows(DomainError, (e) => e.code === 'retired');
  });

  it('upserts as imports need: register when new, change when different, nothing when equal', () => {
    spec.given([]).when({ type: 'upsert', code: 'ACME', record: acme }).then([registered]);
    spec.given([registered]).when({ type: 'upsert', code: 'ACME', record: acme }).thenNothingHappens();
    spec
      .given([registered])
      .when({ type: 'upsert', code: 'ACME', record: { ...acme, name: 'New name' } })
      .then([
        {
          type: 'CustomerChanged',
          data: {
            kind: 'customer',
            code: 'ACME',
            record: { ...acme, name: 'New name' },
            changedFields: ['name'],
          },
        },
      ]);
  });

  it('retires once with a reason and reinstates once', () => {
    const retired = {
      type: 'CustomerRetired' as const,
      data: { kind: 'customer' as const, code: 'ACME', reason: 'contract ended' },
    };
    spec.given([registered]).when({ type: 'retire', code: 'ACME', reason: 'contract ended' }).then([retired]);
    spec
      .given([registered, retired])
      .when({ type: 'retire', code: 'ACME', reason: 'again' })
      .thenNothingHappens();
    spec
      .given([registered, retired])
      .when({ type: 'reinstate', code: 'ACME' })
      .then([{ type: 'CustomerReinstated', data: { kind: 'customer', code: 'ACME' } }]);
    spec.given([registered]).when({ type: 'reinstate', code: 'ACME' }).thenNothingHappens();
    spec
      .given([])
      .when({ type: 'retire', code: 'ACME', reason: 'x' })
      .thenThrows(DomainError, (e) => e.code === 'not_found');
  });
});
