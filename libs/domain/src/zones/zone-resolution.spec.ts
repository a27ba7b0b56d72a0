import { DomainError } from '../kernel/domain-error';
import { allZones, bavaria, lombardy, milan, monza, munich } from './zone-areas.fixture';
import { resolveZone } from './zone-resolution';

describe('resolveZone', () => {
  it('prefers the smallest drawn zone containing the point: the city inside its region', () => {
    // Duomo di Milano.
    expect(resolveZone(allZones, { location: { lat: 45.4642, lon: 9.19 } })).toEqual({
      zoneId: 'it-milan',
      by: 'polygon',
    });
    // Lecco: in Lombardy, in no city zone.
    expect(resolveZone(allZones, { location: { lat: 45.85, lon: 9.39 } })).toEqual({
      zoneId: 'it-lombardy',
      by: 'polygon',
    });
    // Marienplatz, listed before or after Bavaria alike.
    const munichPoint = { location: { lat: 48.137, lon: 11.575 } };
    expect(resolveZone([bavaria, munich], munichPoint)).toEqual({ zoneId: 'de-munich', by: 'polygon' });
    expect(resolveZone([munich, bavaria], munichPoint)).toEqual({ zoneId: 'de-munich', by: 'polygon' });
  });

  it('gives a point on a shared border to the smaller of the zones it bounds', () => {
    // On Milan's northern edge, which is Monza's southern edge: boundaries count as inside, so
    // Milan, Monza and Lombardy all contain it; Monza is the smallest.
    const border = { location: { lat: 45.54, lon: 9.25 } };
    expect(resolveZone(allZones, border)).toEqual({ zoneId: 'it-monza', by: 'polygon' });
    expect(resolveZone([milan, lombardy], border)).toEqual({ zoneId: 'it-milan', by: 'polygon' });
  });

  it('breaks a tie between equal areas by id, whatever the order given', () => {
    const twinA = { ...monza, id: 'b-twin' };
    const twinB = { ...monza, id: 'a-twin' };
    const inside = { location: { lat: 45.6, lon: 9.27 } };
    expect(resolveZone([twinA, twinB], inside)?.zoneId).toBe('a-twin');
    expect(resolveZone([twinB, twinA], inside)?.zoneId).toBe('a-twin');
  });

  it('falls back to the postal code: exact code beats the longest prefix, which beats a shorter one', () => {
    // Outside every polygon (Turin), but the address has a code.
    const turin = { lat: 45.07, lon: 7.69 };
    expect(resolveZone(allZones, { location: turin, postalCode: '20121' })).toEqual({
      zoneId: 'it-milan',
      by: 'postal-code',
    });
    expect(resolveZone(allZones, { postalCode: '20900' })).toEqual({ zoneId: 'it-monza', by: 'postal-code' });
    expect(resolveZone(allZones, { postalCode: '20054' })).toEqual({
      zoneId: 'it-linate',
      by: 'postal-code',
    });
    expect(resolveZone(allZones, { postalCode: '24121' })).toEqual({
      zoneId: 'it-bergamo',
      by: 'postal-code',
    });
    expect(resolveZone(allZones, { postalCode: '25100' })).toEqual({
      zoneId: 'it-lombardy',
      by: 'postal-code',
    });
  });

  it('requires the country to match when both the zone and the question name one', () => {
    // 80331 is Munich; '8*' is Bavaria's, '80*' Munich's; Lombardy's '2*' does not apply.
    expect(resolveZone(allZones, { postalCode: '80331', country: 'DE' })?.zoneId).toBe('de-munich');
    expect(resolveZone(allZones, { postalCode: '80331', country: 'IT' })).toBeNull();
    expect(resolveZone(allZones, { postalCode: '20121', country: 'de' })).toBeNull();
    // No country in the question: any zone's codes apply.
    expect(resolveZone(allZones, { postalCode: '80331' })?.zoneId).toBe('de-munich');
    // A zone without a country answers any country.
    const anywhere = { id: 'z-any', postalCodes: ['99999'] };
    expect(resolveZone([anywhere], { postalCode: '99999', country: 'FR' })?.zoneId).toBe('z-any');
  });

  it('ignores spaces and case in postal codes', () => {
    const london = { id: 'uk-westminster', country: 'GB', postalCodes: ['SW1A*'] };
    expect(resolveZone([london], { postalCode: 'sw1a 1aa', country: 'GB' })?.zoneId).toBe('uk-westminster');
  });

  it('answers null when nothing matches, and refuses an impossible location', () => {
    expect(resolveZone(allZones, { location: { lat: 41.9, lon: 12.5 } })).toBeNull();
    expect(resolveZone(allZones, {})).toBeNull();
    expect(() => resolveZone(allZones, { location: { lat: 95, lon: 9 } })).toThrow(DomainError);
    expect(() => resolveZone(allZones, { location: { lat: Number.NaN, lon: 9 } })).toThrow(DomainError);
  });
});
