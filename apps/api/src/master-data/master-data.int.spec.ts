import { createOrganisation } from '../testing/organisation-fixture';
import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';

describe('master data through the API', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    await createOrganisation(api, admin);
  }, 60_000);
  afterAll(() => api?.stop());

  it('resolves a site without a zone to the zone its coordinates fall in, or its postal code', async () => {
    const acme = await (await api.call('GET', '/api/master-data/sites/S-ACME-1', admin)).json();
    expect(acme.record.zoneCode).toBe('Z-MI');
    const beta = await (await api.call('GET', '/api/master-data/sites/S-BETA-1', admin)).json();
    expect(beta.record.zoneCode).toBe('Z-RM');
    const nowhere = await api.call('POST', '/api/master-data/sites', admin, {
      code: 'S-NOWHERE',
      name: 'Nowhere',
      customerCode: 'ACME',
      address: { postalCode: '99999', country: 'IT' },
      timeZone: 'Europe/Rome',
    });
    expect(nowhere.status).toBe(400);
    expect((await nowhere.json()).errors).toEqual([
      expect.objectContaining({ field: 'zoneCode', code: 'no_zone' }),
    ]);
  });

  it('resolves points and postal codes to zones, and finds the zones bordering one', async () => {
    const east = await api.call('POST', '/api/master-data/zones', admin, {
      code: 'Z-MI-EST',
      name: 'Milano est',
      unitCode: 'MI',
      country: 'IT',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [9.35, 45.35],
            [9.6, 45.35],
            [9.6, 45.6],
            [9.35, 45.6],
            [9.35, 45.35],
          ],
        ],
      },
    });
    expect(east.status).toBe(201);
    const neighbours = await (await api.call('GET', '/api/zones/Z-MI/neighbours', admin)).json();
    expect(neighbours).toEqual({ zone: 'Z-MI', neighbours: ['Z-MI-EST'], explicit: [] });
    const byPoint = await (await api.call('GET', '/api/zones/resolve?lat=45.46&lon=9.45', admin)).json();
    expect(byPoint).toEqual({ match: { zoneCode: 'Z-MI-EST', by: 'polygon' } });
    const byPostalCode = await (
      await api.call('GET', '/api/zones/resolve?postalCode=00186&country=IT', admin)
    ).json();
    expect(byPostalCode).toEqual({ match: { zoneCode: 'Z-RM', by: 'postal-code' } });
    expect(await (await api.call('GET', '/api/zones/resolve?lat=10&lon=10', admin)).json()).toEqual({
      match: null,
    });
    expect((await api.call('GET', '/api/zones/resolve?lat=100&lon=10', admin)).status).toBe(400);
  });

  it('answers bad input field by field and writes nothing', async () => {
    const before = await (await api.call('GET', '/api/master-data/customers?status=all', admin)).json();
    const response = await api.call('POST', '/api/master-data/sites', admin, {
      code: 'S 2',
      name: '',
      customerCode: 'NOBODY',
      address: { country: 'ITA' },
      timeZone: 'Europe/Rome',
    });
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field).sort();
    expect(fields).toEqual(['address.country', 'code', 'name']);
    const unknownReference = await api.call('POST', '/api/master-data/assets', admin, {
      code: 'SN-X',
      modelCode: 'NO-SUCH-MODEL',
      siteCode: 'S-ACME-1',
      customerCode: 'BETA',
      ownership: 'customer',
    });
    const errors = (await unknownReference.json()).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'modelCode', code: 'unknown_reference' }),
        expect.objectContaining({ field: 'customerCode', code: 'customer_mismatch' }),
      ]),
    );
    expect((await api.call('GET', '/api/master-data/assets/SN-X', admin)).status).toBe(404);
    const after = await (await api.call('GET', '/api/master-data/customers?status=all', admin)).json();
    expect(after.total).toBe(before.total);
  });

  it('refuses a unit cycle', async () => {
    const response = await api.call('PUT', '/api/master-data/units/HQ', admin, {
      name: 'Head office',
      type: 'service-centre',
      parentCode: 'MI',
      country: 'IT',
      timeZone: 'Europe/Rome',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'parentCode', code: 'cycle' }),
    ]);
  });

  it('edits with optimistic concurrency: a stale If-Match is a 409 naming the versions', async () => {
    const current = await api.call('GET', '/api/master-data/customers/ACME', admin);
    const etag = current.headers.get('etag')!;
    const record = (await current.json()).record;
    const first = await api.call(
      'PUT',
      '/api/master-data/customers/ACME',
      admin,
      { ...record, phone: '+39 02 555 1234' },
      { 'if-match': etag },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).not.toBe(etag);
    const stale = await api.call(
      'PUT',
      '/api/master-data/customers/ACME',
      admin,
      { ...record, phone: '+39 02 000 0000' },
      { 'if-match': etag },
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      code: 'wrong_expected_revision',
      expectedRevision: 0,
      actualRevision: 1,
    });
    const now = await (await api.call('GET', '/api/master-data/customers/ACME', admin)).json();
    expect(now.record.phone).toBe('+39 02 555 1234');
  });

  it('keeps an audit trail: who changed what, when, in which role', async () => {
    const history = await (await api.call('GET', '/api/master-data/customers/ACME/history', admin)).json();
    expect(history.map((entry: { type: string }) => entry.type)).toEqual([
      'CustomerRegistered',
      'CustomerChanged',
    ]);
    expect(history[1]).toMatchObject({
      version: 2,
      actorName: 'Administrator',
      actorRole: 'admin',
      changedFields: ['phone'],
    });
  });

  it('lists with prefix search and record filters, retires with a reason, and lists retired apart', async () => {
    const search = await (await api.call('GET', '/api/master-data/customers?q=ban', admin)).json();
    expect(search.items.map((item: { code: string }) => item.code)).toEqual(['BETA']);
    const filtered = await (await api.call('GET', '/api/master-data/sites?customerCode=ACME', admin)).json();
    expect(filtered.items.map((item: { code: string }) => item.code)).toEqual(['S-ACME-1']);
    const noReason = await api.call('POST', '/api/master-data/skills/GAS/retire', admin, {});
    expect(noReason.status).toBe(400);
    expect(
      (await api.call('POST', '/api/master-data/skills/GAS/retire', admin, { reason: 'Renamed' })).status,
    ).toBe(200);
    expect((await (await api.call('GET', '/api/master-data/skills', admin)).json()).total).toBe(0);
    expect(
      (await (await api.call('GET', '/api/master-data/skills?status=retired', admin)).json()).total,
    ).toBe(1);
    const changeRetired = await api.call('PUT', '/api/master-data/skills/GAS', admin, { name: 'Gas' });
    expect(changeRetired.status).toBe(409);
    expect((await api.call('POST', '/api/master-data/skills/GAS/reinstate', admin)).status).toBe(200);
  });

  it('repeats a creation with the same Idempotency-Key or the same record without writing twice', async () => {
    const body = { code: 'ELEC', name: 'Electrical' };
    const first = await api.call('POST', '/api/master-data/skills', admin, body, {
      'idempotency-key': 'k-1',
    });
    const again = await api.call('POST', '/api/master-data/skills', admin, body, {
      'idempotency-key': 'k-1',
    });
    expect([first.status, again.status]).toEqual([201, 200]);
    const history = await (await api.call('GET', '/api/master-data/skills/ELEC/history', admin)).json();
    expect(history).toHaveLength(1);
    const clash = await api.call('POST', '/api/master-data/skills', admin, { code: 'ELEC', name: 'Other' });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'already_exists' });
  });

  it("answers availability from the layers: the unit's hours and holidays, the technician's leave, the site's access", async () => {
    const week = await (
      await api.call(
        'GET',
        '/api/availability?technician=T-MI-1&site=S-BETA-1&from=2026-03-30T00:00:00Z&to=2026-04-07T00:00:00Z',
        admin,
      )
    ).json();
    const names = week.technician.layers.map((layer: { name: string }) => layer.name);
    expect(names).toEqual(['Head office: Italian office hours', 'Mario Rossi: Rossi']);
    // Monday 30 and Tuesday 31 March on leave; Easter Monday (6 April 2026) a public holiday.
    const days = week.technician.available.map((interval: { from: string }) => interval.from.slice(0, 10));
    expect(days).toEqual(['2026-04-01', '2026-04-02', '2026-04-03']);
    // Summer time since 29 March: 08:00 in Rome is 06:00 UTC.
    expect(week.technician.available[0]).toEqual({
      from: '2026-04-01T06:00:00.000Z',
      to: '2026-04-01T15:00:00.000Z',
    });
    expect(week.both[0]).toEqual({ from: '2026-04-01T06:30:00.000Z', to: '2026-04-01T11:30:00.000Z' });
    const holiday = week.technician.layers[0].holidays.map((h: { reason: string }) => h.reason);
    expect(holiday).toContain('Lunedì dell’Angelo');
    const check = await (
      await api.call(
        'GET',
        '/api/availability/check?technician=T-MI-1&site=S-BETA-1&from=2026-03-30T07:00:00Z&to=2026-03-30T08:00:00Z',
        admin,
      )
    ).json();
    expect(check).toMatchObject({
      available: false,
      blockedBy: { layer: 'Mario Rossi: Rossi', reason: 'Annual leave' },
    });
    const bad = await api.call(
      'GET',
      '/api/availability?technician=T-MI-1&from=yesterday&to=2026-04-07T00:00:00Z',
      admin,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('exports a calendar as iCalendar and reads one back in, merging closures', async () => {
    const exported = await api.call('GET', '/api/master-data/calendars/CAL-T-MI-1/ical', admin);
    expect(exported.headers.get('content-type')).toContain('text/calendar');
    const ics = await exported.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Annual leave');
    const feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Example//Outlook//EN',
      'BEGIN:VEVENT',
      'UID:abc-1@example.com',
      'DTSTAMP:20260301T000000Z',
      'DTSTART;VALUE=DATE:20261221',
      'DTEND;VALUE=DATE:20261224',
      'SUMMARY:Christmas leave',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const imported = await fetch(`${api.url}/api/master-data/calendars/CAL-T-MI-1/ical`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/calendar' },
      body: feed,
    });
    expect(imported.status).toBe(201);
    const calendar = await (await api.call('GET', '/api/master-data/calendars/CAL-T-MI-1', admin)).json();
    expect(calendar.record.exceptions.map((e: { reason: string }) => e.reason)).toEqual([
      'Annual leave',
      'Christmas leave',
    ]);
    const garbage = await fetch(`${api.url}/api/master-data/calendars/CAL-T-MI-1/ical`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/calendar' },
      body: 'not a calendar',
    });
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).errors).toEqual([expect.objectContaining({ field: 'file' })]);
  });
});
