import {
  type CalendarFeedWithUrl,
  type ServiceRequestDetail,
  calendarFeedListSchema,
  calendarFeedWithUrlSchema,
} from '@fieldstream/api-contract';
import { userIdOf } from '@fieldstream/application';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { act, getJson, openRequest } from '../service-requests/testing/service-request-calls';
import { USERS, withOrganisationApi } from '../testing/organisation-fixture';

jest.setTimeout(90_000);

/*
 * Private iCalendar feeds over HTTP, on the real API and stores: a technician subscribes to their
 * agenda, the desk plans, and the feed is fetched without credentials as a phone's calendar does
 * it, parsed with ical.js and read as a phone would (its VTIMEZONEs, UIDs, SEQUENCE, STATUS).
 */

const ROME = 'Europe/Rome';
/** An instant `days` after today at a wall-clock time in Rome (the site's and technician's zone). */
const romeAt = (days: number, time: string) =>
  Temporal.Now.plainDateISO(ROME)
    .add({ days })
    .toZonedDateTime({ timeZone: ROME, plainTime: Temporal.PlainTime.from(time) })
    .toInstant()
    .toString();
/** The same as the feed writes it: `DTSTART;TZID=Europe/Rome:20261128T090000`. */
const romeLocal = (days: number, time: string) =>
  Temporal.Now.plainDateISO(ROME)
    .add({ days })
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toString()
    .replace(/[-:]/g, '')
    .slice(0, 15);

/** What a phone's calendar does with a feed: parse it and read each event through the file's own zones. */
function readAsPhone(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone').map((vtimezone) => new ICAL.Timezone(vtimezone));
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  try {
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        startZone: event.startDate.zone?.tzid,
        sequence: event.sequence,
        status: String(vevent.getFirstPropertyValue('status')),
        geo: vevent.getFirstPropertyValue('geo'),
      };
    });
    return { calendar, zones: zones.map((zone) => zone.tzid), events };
  } finally {
    ICAL.TimezoneService.reset();
  }
}

describe('calendar feeds over HTTP', () => {
  const suite = withOrganisationApi();
  /** Rossi (T-MI-1) at ACME Milan: a boiler tomorrow morning, a check the day after, a third to cancel. */
  const requests: ServiceRequestDetail[] = [];
  let feed: CalendarFeedWithUrl;

  /** A plain GET, as a calendar app sends it: no Authorization, maybe a validator. */
  const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { 'user-agent': 'Google-Calendar-Importer', ...headers } });
  const feedText = async (url: string) => {
    const response = await fetchFeed(url);
    if (response.status !== 200) throw new Error(`feed: ${response.status} ${await response.text()}`);
    return response.text();
  };
  const createFeed = (token: string, body: unknown) =>
    suite.api.call('POST', '/api/me/calendar-feeds', token, body);
  const created = async (token: string, body: unknown) => {
    const response = await createFeed(token, body);
    if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
    return calendarFeedWithUrlSchema.parse(await response.json());
  };
  const assign = async (
    request: ServiceRequestDetail,
    technicianCode: string,
    start: string,
    minutes: number,
    token = suite.tokens.dispatcherMi,
  ) => {
    if (request.status === 'open') await act(suite.api, token, 'POST', `${request.id}/accept`, {});
    return act(suite.api, token, 'POST', `${request.id}/assignments`, {
      assignments: [{ technicianCode, start, durationMinutes: minutes }],
    });
  };

  beforeAll(async () => {
    const desk = suite.tokens.dispatcherMi;
    const open = (description: string, priority = 'normal') =>
      openRequest(suite.api, desk, {
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        assetCode: 'SN-ACME-1',
        description,
        priority: priority as 'normal',
        contact: { name: 'Anna Verdi', phone: '+39 02 1234567' },
      });
    requests.push(
      await assign(
        await open('The boiler does not start; error E04 on the display.', 'high'),
        'T-MI-1',
        romeAt(1, '09:00'),
        120,
      ),
    );
    requests.push(await assign(await open('Yearly check of the burner.'), 'T-MI-1', romeAt(2, '14:00'), 60));
    requests.push(
      await assign(await open('Noise from the pump, to be cancelled.'), 'T-MI-1', romeAt(3, '10:00'), 60),
    );
    feed = await created(suite.tokens.technicianMi, {
      name: 'Fieldstream, my agenda',
      scope: { kind: 'technician', code: 'T-MI-1' },
    });
  });

  it("answers the URL once, at the API's address, with its webcal twin", async () => {
    expect(feed).toMatchObject({
      name: 'Fieldstream, my agenda',
      scope: { kind: 'technician', code: 'T-MI-1', name: 'Mario Rossi' },
      ownerName: 'Mario Rossi',
      status: 'active',
      lastFetchedAt: null,
    });
    expect(feed.url).toMatch(
      new RegExp(`^${suite.api.url}/api/calendar-feeds/fscal_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}\\.ics$`),
    );
    expect(feed.webcalUrl).toBe(feed.url.replace(/^http:/, 'webcal:'));
    const listed = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.technicianMi, '/api/me/calendar-feeds'),
    );
    expect(listed.feeds.map((f) => f.id)).toEqual([feed.id]);
    expect(JSON.stringify(listed)).not.toContain(feed.url.split('_').at(-1)!.replace('.ics', ''));
    expect(listed).toMatchObject({ maxFeeds: 20, window: { pastDays: 30, futureDays: 90 } });
  });

  it('serves the agenda without credentials, as a phone calendar reads it', async () => {
    const response = await fetchFeed(feed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const text = await response.text();
    const { calendar, zones, events } = readAsPhone(text);

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Fieldstream//Agenda feed//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(text).toContain('\r\nX-WR-CALNAME:Fieldstream\\, my agenda\r\n');
    expect(text).toContain('\r\nX-WR-TIMEZONE:Europe/Rome\r\n');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    expect(text).toContain('\r\nX-PUBLISHED-TTL:PT15M\r\n');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    expect(zones).toEqual(['Europe/Rome']);
    expect(events).toHaveLength(3);
    const [boiler, check, pump] = events;
    expect(boiler).toMatchObject({
      start: new Date(romeAt(1, '09:00')).toISOString(),
      end: new Date(romeAt(1, '11:00')).toISOString(),
      startZone: 'Europe/Rome',
      status: 'CONFIRMED',
      location: 'ACME Milano, Via Torino 1, 20123 Milano, IT',
      geo: [45.4628, 9.1857],
    });
    expect(boiler!.summary).toBe(
      `${requests[0]!.reference} · ACME S.p.A. — The boiler does not start; error E04 on the display.`,
    );
    expect(boiler!.description).toContain('Anna Verdi, +39 02 1234567');
    // Worded in the owner's language: Italian, the fixture users' default.
    expect(boiler!.description).toContain(
      `Richiesta ${requests[0]!.reference} · Priorità: alta · pianificata`,
    );
    expect(boiler!.description).toContain('Apparecchio: SN-ACME-1\n');
    expect(text).toContain(`DTSTART;TZID=Europe/Rome:${romeLocal(1, '09:00')}`);
    expect(check).toMatchObject({ start: new Date(romeAt(2, '14:00')).toISOString(), status: 'CONFIRMED' });
    expect(pump).toMatchObject({ start: new Date(romeAt(3, '10:00')).toISOString() });
    expect(new Set(events.map((event) => event.uid)).size).toBe(3);
  });

  it('answers 304 to a phone that has the same agenda, and the same UIDs every time', async () => {
    const first = await fetchFeed(feed.url);
    const etag = first.headers.get('etag')!;
    const uids = readAsPhone(await first.text()).events.map((event) => event.uid);
    const again = await fetchFeed(feed.url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Some calendar apps look before they fetch.
    const head = await fetch(feed.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(readAsPhone(await feedText(feed.url)).events.map((event) => event.uid)).toEqual(uids);
  });

  it('moves a rescheduled appointment under the same UID, one SEQUENCE further', async () => {
    const before = readAsPhone(await feedText(feed.url)).events[1]!;
    const etag = (await fetchFeed(feed.url)).headers.get('etag')!;
    await act(suite.api, suite.tokens.dispatcherMi, 'PUT', `${requests[1]!.id}/assignments/T-MI-1`, {
      start: romeAt(2, '16:30'),
      durationMinutes: 90,
    });
    const changed = await fetchFeed(feed.url, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    const after = readAsPhone(await changed.text()).events.find((event) => event.uid === before.uid)!;
    expect(after.start).toBe(new Date(romeAt(2, '16:30')).toISOString());
    expect(after.end).toBe(new Date(romeAt(2, '18:00')).toISOString());
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('keeps a cancelled appointment, CANCELLED under its UID, so that phones drop it', async () => {
    const before = readAsPhone(await feedText(feed.url)).events[2]!;
    await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${requests[2]!.id}/cancel`, {
      reason: 'The customer fixed it',
    });
    const { events } = readAsPhone(await feedText(feed.url));
    expect(events).toHaveLength(3);
    const cancelled = events.find((event) => event.uid === before.uid)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(before.sequence);
    // The technician no longer reaches the cancelled request, but recognises its reference.
    expect(cancelled.summary).toBe(`Annullato: ${requests[2]!.reference}`);
  });

  it('tells the owner when a calendar app last fetched the feed, and which', async () => {
    await feedText(feed.url);
    let listed = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.technicianMi, '/api/me/calendar-feeds'),
    );
    for (let tries = 0; tries < 50 && listed.feeds[0]?.lastFetchedAt === null; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      listed = calendarFeedListSchema.parse(
        await getJson(suite.api, suite.tokens.technicianMi, '/api/me/calendar-feeds'),
      );
    }
    expect(listed.feeds[0]).toMatchObject({ lastFetchedBy: 'Google-Calendar-Importer' });
    expect(Date.parse(listed.feeds[0]!.lastFetchedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('regenerates: the old URL dies at once, the new one serves the same events', async () => {
    const uids = readAsPhone(await feedText(feed.url)).events.map((event) => event.uid);
    const response = await suite.api.call(
      'POST',
      `/api/me/calendar-feeds/${feed.id}/regenerate`,
      suite.tokens.technicianMi,
    );
    expect(response.status).toBe(200);
    const regenerated = calendarFeedWithUrlSchema.parse(await response.json());
    expect(regenerated.id).toBe(feed.id);
    expect(regenerated.url).not.toBe(feed.url);
    expect((await fetchFeed(feed.url)).status).toBe(404);
    expect(readAsPhone(await feedText(regenerated.url)).events.map((event) => event.uid)).toEqual(uids);
    feed = regenerated;
  });

  it('revokes: the URL answers 404 at once, the feed leaves the list, revoking again is harmless', async () => {
    const revoke = () =>
      suite.api.call('DELETE', `/api/me/calendar-feeds/${feed.id}`, suite.tokens.technicianMi);
    expect((await revoke()).status).toBe(204);
    const gone = await fetchFeed(feed.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await revoke()).status).toBe(204);
    const listed = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.technicianMi, '/api/me/calendar-feeds'),
    );
    expect(listed.feeds).toEqual([]);
    const regenerate = await suite.api.call(
      'POST',
      `/api/me/calendar-feeds/${feed.id}/regenerate`,
      suite.tokens.technicianMi,
    );
    expect(regenerate.status).toBe(404);
  });

  it('answers 404 to a token that is malformed or was never issued', async () => {
    expect((await fetchFeed(`${suite.api.url}/api/calendar-feeds/nonsense.ics`)).status).toBe(404);
    const forged = feed.url.replace(/_[A-Za-z0-9_-]{43}\.ics$/, `_${'A'.repeat(43)}.ics`);
    expect((await fetchFeed(forged)).status).toBe(404);
  });

  it('makes one feed of a create retried with the same Idempotency-Key, the retry with a new URL', async () => {
    const body = { name: 'Retried', scope: { kind: 'technician', code: 'T-MI-1' } };
    const post = () =>
      suite.api.call('POST', '/api/me/calendar-feeds', suite.tokens.technicianMi, body, {
        'Idempotency-Key': 'phone-feed-1',
      });
    const first = calendarFeedWithUrlSchema.parse(await (await post()).json());
    const retry = await post();
    expect(retry.status).toBe(201);
    const again = calendarFeedWithUrlSchema.parse(await retry.json());
    // The first answer's URL cannot be shown twice (only its hash is kept): the retry has a new one.
    expect(again.id).toBe(first.id);
    expect(again.url).not.toBe(first.url);
    expect((await fetchFeed(first.url)).status).toBe(404);
    expect((await fetchFeed(again.url)).status).toBe(200);
    const listed = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.technicianMi, '/api/me/calendar-feeds'),
    );
    expect(listed.feeds.map((f) => f.name)).toEqual(['Retried']);
    await suite.api.call('DELETE', `/api/me/calendar-feeds/${first.id}`, suite.tokens.technicianMi);
  });

  it("keeps a technician to their own agenda: another's or a team's is refused", async () => {
    const other = await createFeed(suite.tokens.technicianMi, {
      name: 'Bianchi',
      scope: { kind: 'technician', code: 'T-RM-1' },
    });
    expect(other.status).toBe(403);
    const team = await createFeed(suite.tokens.technicianMi, {
      name: 'Milano',
      scope: { kind: 'unit', code: 'MI' },
    });
    expect(team.status).toBe(403);
    const customer = await createFeed(suite.tokens.customerAcme, {
      name: 'Mine',
      scope: { kind: 'unit', code: 'MI' },
    });
    expect(customer.status).toBe(403);
  });

  it('refuses bad input naming the fields, and writes nothing', async () => {
    const bad = await createFeed(suite.tokens.technicianMi, {
      scope: { kind: 'team', code: 'MI' },
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['colour', 'name', 'scope.kind']);
    const desk = await createFeed(suite.tokens.dispatcherMi, {
      name: 'Roma',
      scope: { kind: 'unit', code: 'RM' },
    });
    expect(desk.status).toBe(400);
    expect(((await desk.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'scope.code', code: 'unknown_reference' }),
    ]);
    const listed = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.dispatcherMi, '/api/me/calendar-feeds'),
    );
    expect(listed.feeds).toEqual([]);
  });

  it("gives a dispatcher their team's feed: their unit's technicians only, each named", async () => {
    const rome = await openRequest(suite.api, suite.tokens.dispatcherRm, {
      customerCode: 'BETA',
      siteCode: 'S-BETA-1',
      description: 'Branch boiler in Rome.',
      priority: 'normal',
    });
    await assign(rome, 'T-RM-1', romeAt(1, '09:00'), 60, suite.tokens.dispatcherRm);
    const team = await created(suite.tokens.dispatcherMi, {
      name: 'Milano team',
      scope: { kind: 'unit', code: 'MI' },
    });
    expect(team.scope).toEqual({ kind: 'unit', code: 'MI', name: 'Milano' });
    const { events } = readAsPhone(await feedText(team.url));
    expect(events.map((event) => event.summary.split(':')[0])).toEqual([
      'Mario Rossi',
      'Mario Rossi',
      'Mario Rossi',
    ]);
    expect(events.some((event) => event.summary.includes(rome.reference))).toBe(false);
    expect(events.map((event) => event.status).sort()).toEqual(['CANCELLED', 'CONFIRMED', 'CONFIRMED']);

    // The manager of the head office reaches Rome too.
    const manager = await created(suite.tokens.manager, {
      name: 'Roma',
      scope: { kind: 'unit', code: 'RM' },
    });
    const romeEvents = readAsPhone(await feedText(manager.url)).events;
    expect(romeEvents.map((event) => event.summary)).toEqual([
      `Giulia Bianchi: ${rome.reference} · Beta Banca — Branch boiler in Rome.`,
    ]);
  });

  it("lets administrators and auditors list everyone's feeds, and administrators revoke them", async () => {
    const all = calendarFeedListSchema.parse(await getJson(suite.api, suite.admin, '/api/calendar-feeds'));
    const team = all.feeds.find((f) => f.name === 'Milano team')!;
    expect(team).toMatchObject({ ownerName: 'Desk Milano', scope: { kind: 'unit', code: 'MI' } });
    expect(JSON.stringify(all)).not.toContain('.ics');
    const audited = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.auditor, `/api/calendar-feeds?ownerId=${team.ownerId}`),
    );
    expect(audited.feeds.map((f) => f.id)).toEqual([team.id]);
    expect((await suite.api.call('GET', '/api/calendar-feeds', suite.tokens.dispatcherMi)).status).toBe(403);
    expect(
      (await suite.api.call('DELETE', `/api/calendar-feeds/${team.id}`, suite.tokens.auditor)).status,
    ).toBe(403);
    // Someone else's feed is not theirs to revoke through /me: it answers as missing.
    expect(
      (await suite.api.call('DELETE', `/api/me/calendar-feeds/${team.id}`, suite.tokens.manager)).status,
    ).toBe(404);
    expect((await suite.api.call('DELETE', `/api/calendar-feeds/${team.id}`, suite.admin)).status).toBe(204);
    const mine = calendarFeedListSchema.parse(
      await getJson(suite.api, suite.tokens.dispatcherMi, '/api/me/calendar-feeds'),
    );
    expect(mine.feeds).toEqual([]);
  });
  it('silences the feeds of an owner who was moved to another centre or disabled', async () => {
    const feed = await created(suite.tokens.manager, { name: 'Milano', scope: { kind: 'unit', code: 'MI' } });
    expect((await fetchFeed(feed.url)).status).toBe(200);
    const managerId = userIdOf(USERS.manager.username);
    // Bound to Rome now: Milan is out of reach, and so is its feed, judged at the fetch.
    const moved = await suite.api.call('PUT', `/api/users/${managerId}`, suite.admin, {
      displayName: USERS.manager.displayName,
      role: 'manager',
      binding: { unitCode: 'RM' },
    });
    expect(moved.status).toBe(200);
    expect((await fetchFeed(feed.url)).status).toBe(404);
    const back = await suite.api.call('PUT', `/api/users/${managerId}`, suite.admin, {
      displayName: USERS.manager.displayName,
      role: 'manager',
      binding: { unitCode: 'HQ' },
    });
    expect(back.status).toBe(200);
    expect((await fetchFeed(feed.url)).status).toBe(200);
    expect(
      (await suite.api.call('POST', `/api/users/${managerId}/disable`, suite.admin, {})).status,
    ).toBeLessThan(300);
    expect((await fetchFeed(feed.url)).status).toBe(404);
  });
});
