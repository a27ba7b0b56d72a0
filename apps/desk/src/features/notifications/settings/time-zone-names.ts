let zones: readonly string[] | undefined;

/**
 * The IANA time zones this browser knows (`Intl.supportedValuesOf`), with `current` kept in the
 * list should the browser not know it (an older browser, a zone renamed), so a save never changes
 * it behind the user's back.
 */
export function timeZoneNames(current?: string): readonly string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
