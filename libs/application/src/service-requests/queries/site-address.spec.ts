import { addressLine } from './site-address';

describe('addressLine', () => {
  it('writes an address on one line, leaving out what is missing', () => {
    expect(addressLine({ street: 'Via Torino 1', city: 'Milano', postalCode: '20123', country: 'IT' })).toBe(
      'Via Torino 1, 20123 Milano, IT',
    );
    expect(addressLine({ city: 'Roma', region: 'Lazio', country: 'IT' })).toBe('Roma, Lazio, IT');
    expect(addressLine({ street: ' ', country: 'IT' })).toBe('IT');
    expect(addressLine(undefined)).toBeUndefined();
    expect(addressLine({})).toBeUndefined();
  });
});
