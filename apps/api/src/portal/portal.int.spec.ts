import type {
  PortalAssetDetail,
  PortalAssets,
  PortalConditions,
  PortalContracts,
  PortalRequestDetail,
  PortalRequestList,
  ServiceRequestList,
  TimelineEntry,
} from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson, openRequest } from '../service-requests/testing/service-request-calls';

// Each test walks requests through several commands, each waiting for the read models.
jest.setTimeout(30_000);

/** The first bytes of a real PNG: signature, IHDR of a 1×1 image, IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);
/** A Windows program, whatever it is called. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
/** A PDF: accepted as an attachment elsewhere, but not a photo. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** What the portal must never show a customer: technicians' surnames and codes, the desk's notes and names, routing. */
const SECRETS = [
  'Rossi',
  'T-MI-1',
  'Desk Milano',
  'Z-MI',
  'Internal: check the invoice first',
  'van is low on filters',
];

describe('the customer portal over HTTP', () => {
  const suite = withOrganisationApi();
  const acme = () => suite.tokens.customerAcme;

  beforeAll(async () => {
    // The catalogue: a condition of the ACME boiler's model, a generic one, and one of another model.
    const catalogue: [string, Record<string, unknown>][] = [
      ['asset-models', { code: 'VEND-9', name: 'Vending 9', manufacturer: 'Vendo', family: 'vending' }],
      [
        'conditions',
        {
          code: 'E04',
          name: 'Ignition failure (E04)',
          description: 'The display shows E04 and the burner does not light',
          category: 'fault',
          precision: 'precise',
          modelCodes: ['BOILER-X'],
          expectedMinutes: 60,
        },
      ],
      [
        'conditions',
        { code: 'LEAK', name: 'Water leak', category: 'fault', precision: 'generic', expectedMinutes: 45 },
      ],
      [
        'conditions',
        {
          code: 'COIN',
          name: 'Coin mechanism jammed',
          category: 'fault',
          precision: 'precise',
          modelCodes: ['VEND-9'],
          expectedMinutes: 30,
        },
      ],
    ];
    for (const [plural, body] of catalogue) {
      const response = await suite.api.call('POST', `/api/master-data/${plural}`, suite.admin, body);
      if (response.status !== 201) throw new Error(`${plural}: ${response.status} ${await response.text()}`);
    }
  });

  /** A multipart opening, as the portal's form sends it. */
  const openWithForm = (
    token: string,
    fields: Record<string, string>,
    photo?: { name: string; bytes: Buffer; type: string },
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (photo)
      form.append('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
    return fetch(`${suite.api.url}/api/portal/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  };

  const portal = <T>(path: string, token = acme()) => getJson<T>(suite.api, token, `/api/portal${path}`);
  const status = async (path: string, token: string) =>
    (await suite.api.call('GET', `/api/portal${path}`, token)).status;

  /** Every request of ACME the desk knows, to tell that a refused opening opened nothing. */
  const acmeRequestCount = async () =>
    (
      await getJson<ServiceRequestList>(
        suite.api,
        suite.admin,
        '/api/service-requests?customerCode=ACME&limit=500',
      )
    ).total;

  let opened: PortalRequestDetail;

  it('opens a request from a form with a photo: source portal, the condition named, the photo kept and served back', async () => {
    const response = await openWithForm(
      acme(),
      {
        siteCode: 'S-ACME-1',
        assetCode: 'SN-ACME-1',
        description: 'The boiler does not start; E04 on the display.',
        conditionCode: 'E04',
        contactName: 'Giulia at the front desk',
        contactPhone: '+39 02 1234567',
        // A form sends its empty inputs too: left out.
        priority: '',
      },
      { name: 'display.png', bytes: PNG, type: 'image/png' },
    );
    expect(response.status).toBe(201);
    opened = (await response.json()) as PortalRequestDetail;
    expect(response.headers.get('location')).toBe(`/api/portal/requests/${opened.id}`);
    expect(opened).toMatchObject({
      source: 'portal',
      status: 'open',
      stage: 'received',
      siteCode: 'S-ACME-1',
      siteName: 'ACME Milano',
      assetCode: 'SN-ACME-1',
      reportedConditions: [{ code: 'E04', name: 'Ignition failure (E04)' }],
      contactName: 'Giulia at the front desk',
      canComment: true,
      canAddPhotos: true,
      steps: [{ kind: 'opened', source: 'portal', by: 'ACME buyer' }],
    });
    expect(opened.photos).toEqual([
      expect.objectContaining({ fileName: 'display.png', contentType: 'image/png', size: PNG.length }),
    ]);
    const photoPath = `/api/portal/requests/${opened.id}/photos/${opened.photos[0]!.id}`;
    const photo = await suite.api.call('GET', photoPath, acme());
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await suite.api.call('GET', photoPath, suite.tokens.customerBeta)).status).toBe(404);

    // The desk sees what the customer sent: the request from the portal, the contact, the photo.
    const desk = await getJson<{
      source: string;
      contact: { name: string; phone: string };
      priority: string;
    }>(suite.api, suite.tokens.dispatcherMi, `/api/service-requests/${opened.id}`);
    expect(desk).toMatchObject({
      source: 'portal',
      priority: 'normal',
      contact: { name: 'Giulia at the front desk', phone: '+39 02 1234567' },
    });
    const files = await getJson<{ id: string }[]>(
      suite.api,
      suite.tokens.dispatcherMi,
      `/api/attachments?ownerKind=service-requests&ownerCode=${opened.id}`,
    );
    expect(files.map((file) => file.id)).toEqual([opened.photos[0]!.id]);
    // Out of the Rome desk's reach; and the customer reads photos in the portal, not here.
    for (const token of [suite.tokens.dispatcherRm, acme()]) {
      const refused = await suite.api.call(
        'GET',
        `/api/attachments?ownerKind=service-requests&ownerCode=${opened.id}`,
        token,
      );
      expect(refused.status).toBe(token === acme() ? 403 : 404);
    }
    // Files on a request are the customer's to send: the desk cannot add one.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'desk.png');
    const deskUpload = await fetch(
      `${suite.api.url}/api/attachments?ownerKind=service-requests&ownerCode=${opened.id}`,
      { method: 'POST', headers: { authorization: `Bearer ${suite.tokens.dispatcherMi}` }, body: form },
    );
    expect(deskUpload.status).toBe(403);
  });

  it('refuses a bad opening naming each field at fault, and opens nothing', async () => {
    const before = await acmeRequestCount();
    const refusal = async (response: Response) => {
      const body = (await response.json()) as { errors?: { field: string; code: string }[] };
      return {
        status: response.status,
        fields: (body.errors ?? []).map((error) => `${error.field}:${error.code}`),
      };
    };
    const json = (body: unknown) => suite.api.call('POST', '/api/portal/requests', acme(), body);

    expect(await refusal(await json({ siteCode: 'S-BETA-1', description: 'Not ours' }))).toEqual({
      status: 400,
      fields: ['siteCode:unknown_reference'],
    });
    expect(
      await refusal(
        await json({ siteCode: 'S-ACME-1', assetCode: 'SN-BETA-1', description: 'Their boiler' }),
      ),
    ).toEqual({ status: 400, fields: ['assetCode:asset_elsewhere'] });
    expect(
      await refusal(
        await json({
          siteCode: 'S-ACME-1',
          assetCode: 'SN-ACME-1',
          description: 'Coins',
          conditionCode: 'COIN',
        }),
      ),
    ).toEqual({ status: 400, fields: ['conditionCode:condition_not_for_asset'] });
    expect(
      await refusal(await json({ siteCode: 'S-ACME-1', description: 'Leak', conditionCode: 'LEAK' })),
    ).toEqual({
      status: 400,
      fields: ['conditionCode:asset_required'],
    });
    // The portal takes no customer and no priority: the customer is the caller's, the priority the desk's.
    expect(
      await refusal(
        await json({
          siteCode: 'S-ACME-1',
          description: 'Urgent!',
          priority: 'critical',
          customerCode: 'BETA',
        }),
      ),
    ).toEqual({ status: 400, fields: ['priority:unknown_field', 'customerCode:unknown_field'] });
    expect(await refusal(await json({ siteCode: 'S-ACME-1', description: '   ' }))).toEqual({
      status: 400,
      fields: ['description:too_small'],
    });

    const fields = { siteCode: 'S-ACME-1', assetCode: 'SN-ACME-1', description: 'See the photo' };
    const program = await refusal(
      await openWithForm(acme(), fields, { name: 'photo.jpg', bytes: EXE, type: 'image/jpeg' }),
    );
    expect(program).toEqual({ status: 400, fields: ['photo:not_a_photo'] });
    const pdf = await refusal(
      await openWithForm(acme(), fields, { name: 'scan.pdf', bytes: PDF, type: 'application/pdf' }),
    );
    expect(pdf).toEqual({ status: 400, fields: ['photo:not_a_photo'] });

    expect(await acmeRequestCount()).toBe(before);
    // Nobody else opens here: the desk has its own opening.
    expect((await json({ siteCode: 'S-ACME-1', description: 'x' })).status).toBe(201);
    expect(
      (
        await suite.api.call('POST', '/api/portal/requests', suite.tokens.dispatcherMi, {
          siteCode: 'S-ACME-1',
          description: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('follows the request: the visit with the technician’s first name and window, the story in customer terms, nothing internal', async () => {
    const desk = suite.tokens.dispatcherMi;
    const technician = suite.tokens.technicianMi;
    const id = opened.id;
    await act(suite.api, desk, 'POST', `${id}/accept`, { note: 'Internal: check the invoice first' });
    await act(suite.api, desk, 'POST', `${id}/notes`, { text: 'Internal: check the invoice first' });
    await act(suite.api, desk, 'POST', `${id}/assignments`, {
      assignments: [{ technicianCode: 'T-MI-1', start: '2026-12-02T08:00:00Z', durationMinutes: 120 }],
    });

    let seen = await portal<PortalRequestDetail>(`/requests/${id}`);
    expect(seen.stage).toBe('planned');
    expect(seen.nextVisit).toEqual({
      start: '2026-12-02T08:00:00.000Z',
      end: '2026-12-02T10:00:00.000Z',
      technicianFirstName: 'Mario',
    });
    expect(seen.steps.map((step) => step.kind)).toEqual(['opened', 'accepted', 'planned']);
    expect(seen.steps[2]).toMatchObject({
      technicianFirstName: 'Mario',
      window: { start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T10:00:00.000Z' },
    });
    const listed = await portal<PortalRequestList>('/requests?state=open');
    expect(listed.items.find((item) => item.id === id)?.nextVisit).toMatchObject({
      technicianFirstName: 'Mario',
    });

    // The customer comments; the desk reads it in the timeline, the portal shows it back.
    seen = await (
      await suite.api.call('POST', `/api/portal/requests/${id}/comments`, acme(), {
        text: 'Ring the bell at gate B',
      })
    ).json();
    expect(seen.steps.at(-1)).toMatchObject({
      kind: 'comment',
      by: 'ACME buyer',
      text: 'Ring the bell at gate B',
    });
    const timeline = await getJson<TimelineEntry[]>(
      suite.api,
      desk,
      `/api/service-requests/${id}/timeline?lang=en`,
    );
    expect(timeline.at(-1)).toMatchObject({ actor: { role: 'customer' }, why: 'Ring the bell at gate B' });

    await act(suite.api, technician, 'POST', `${id}/on-the-way`, { etaMinutes: 20 });
    seen = await portal<PortalRequestDetail>(`/requests/${id}`);
    expect(seen.stage).toBe('on-the-way');
    expect(seen.nextVisit).toMatchObject({
      technicianFirstName: 'Mario',
      etaMinutes: 20,
      departedAt: expect.any(String),
    });
    await act(suite.api, technician, 'POST', `${id}/start`, {});
    await act(suite.api, technician, 'POST', `${id}/notes`, { text: 'The van is low on filters' });
    await act(suite.api, technician, 'POST', `${id}/close`, {
      labourMinutes: 50,
      travelMinutes: 20,
      travelKm: 12,
      resolution: 'Ignition electrode replaced; the boiler starts.',
    });

    seen = await portal<PortalRequestDetail>(`/requests/${id}`);
    expect(seen).toMatchObject({
      stage: 'completed',
      outcome: { resolution: 'Ignition electrode replaced; the boiler starts.' },
      canComment: false,
      canAddPhotos: false,
      visits: [expect.objectContaining({ technicianFirstName: 'Mario', arrivedAt: expect.any(String) })],
    });
    expect(seen).not.toHaveProperty('nextVisit');
    expect(seen.steps.map((step) => step.kind)).toEqual([
      'opened',
      'accepted',
      'planned',
      'comment',
      'on-the-way',
      'arrived',
      'completed',
    ]);
    expect(seen.steps.at(-1)?.text).toBe('Ignition electrode replaced; the boiler starts.');

    // Over: no more comments or photos.
    expect(
      (await suite.api.call('POST', `/api/portal/requests/${id}/comments`, acme(), { text: 'Thanks' }))
        .status,
    ).toBe(409);

    // Nothing the service keeps to itself, anywhere the customer looks.
    const everything = JSON.stringify([
      seen,
      await portal<PortalRequestList>('/requests?state=past'),
      await portal<PortalRequestList>('/requests?state=open'),
      await portal<PortalAssetDetail>('/assets/SN-ACME-1'),
      await portal<PortalAssets>('/assets'),
      await portal<PortalContracts>('/contracts'),
    ]);
    for (const secret of SECRETS) expect([secret, everything.includes(secret)]).toEqual([secret, false]);
    expect(everything).not.toMatch(/technicianCode|unitCode|zoneCode|labourMinutes|travelKm/);

    const history = await portal<PortalAssetDetail>('/assets/SN-ACME-1');
    expect(history.history.find((entry) => entry.id === id)).toMatchObject({
      stage: 'completed',
      visits: [expect.objectContaining({ technicianFirstName: 'Mario' })],
      outcome: { resolution: 'Ignition electrode replaced; the boiler starts.' },
    });
    expect(history.asset).toMatchObject({
      code: 'SN-ACME-1',
      modelName: 'Boiler X 24kW',
      lastVisitAt: expect.any(String),
    });
  });

  it('adds a photo to an open request, and refuses one that is not', async () => {
    const request = (await (
      await suite.api.call('POST', '/api/portal/requests', acme(), {
        siteCode: 'S-ACME-1',
        assetCode: 'SN-ACME-1',
        description: 'Dripping',
      })
    ).json()) as PortalRequestDetail;
    const send = (bytes: Buffer, name: string, type: string) => {
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(bytes)], { type }), name);
      return fetch(`${suite.api.url}/api/portal/requests/${request.id}/photos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${acme()}` },
        body: form,
      });
    };
    expect((await send(PNG, 'drip.png', 'image/png')).status).toBe(201);
    expect((await send(PDF, 'drip.pdf', 'application/pdf')).status).toBe(400);
    const empty = await fetch(`${suite.api.url}/api/portal/requests/${request.id}/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme()}` },
      body: new FormData(),
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual([
      expect.objectContaining({ field: 'photo', code: 'required' }),
    ]);
    const seen = await portal<PortalRequestDetail>(`/requests/${request.id}`);
    expect(seen.photos.map((photo) => photo.fileName)).toEqual(['drip.png']);
  });

  it('keeps each customer to their own requests, sites, machines and contracts: another’s answers 404', async () => {
    const beta = suite.tokens.customerBeta;
    const theirs = (await (
      await suite.api.call('POST', '/api/portal/requests', beta, {
        siteCode: 'S-BETA-1',
        description: 'ATM screen dark',
      })
    ).json()) as PortalRequestDetail;
    // The desk also opens one for ACME: the customer sees it too, as opened by the service.
    const byDesk = await openRequest(suite.api, suite.tokens.dispatcherMi);

    const mine = await portal<PortalRequestList>('/requests?state=open&limit=100');
    const ids = mine.items.map((item) => item.id);
    expect(ids).toContain(byDesk.id);
    expect(ids).not.toContain(theirs.id);
    expect(mine.items.find((item) => item.id === byDesk.id)).toMatchObject({
      source: 'desk',
      stage: 'received',
    });
    expect(mine.items.every((item) => item.siteCode === 'S-ACME-1')).toBe(true);
    expect(await status(`/requests/${theirs.id}`, acme())).toBe(404);
    expect(
      (await suite.api.call('POST', `/api/portal/requests/${theirs.id}/comments`, acme(), { text: 'Hi' }))
        .status,
    ).toBe(404);

    const assets = await portal<PortalAssets>('/assets');
    expect(assets.sites.map((site) => [site.code, site.assets.map((asset) => asset.code)])).toEqual([
      ['S-ACME-1', ['SN-ACME-1']],
    ]);
    expect(assets.sites[0]).toMatchObject({
      name: 'ACME Milano',
      address: expect.stringContaining('Via Torino 1'),
    });
    // The desk's opening and the dripping one are still open on the boiler; Mario worked on it.
    expect(assets.sites[0]!.assets[0]).toMatchObject({
      modelName: 'Boiler X 24kW',
      openRequests: 2,
      lastVisitAt: expect.any(String),
    });
    expect(await status('/assets/SN-BETA-1', acme())).toBe(404);
    expect(await status('/assets/SN-BETA-1/conditions', acme())).toBe(404);
    expect(await status('/assets/NO-SUCH', acme())).toBe(404);

    const conditions = await portal<PortalConditions>('/assets/SN-ACME-1/conditions');
    expect(conditions.conditions.map((condition) => condition.code)).toEqual(['E04', 'LEAK']);

    const contracts = await portal<PortalContracts>('/contracts');
    expect(contracts.contracts.map((contract) => contract.code)).toEqual(['C-ACME']);
    expect(contracts.contracts[0]).toMatchObject({
      name: 'ACME gold',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      coverage: { allSites: true, allAssets: true },
      serviceHours: {
        timeZone: 'Europe/Rome',
        roundTheClock: false,
        weekly: expect.arrayContaining([{ day: 'mon', hours: [{ from: '08:00', to: '17:00' }] }]),
        publicHolidays: 'IT',
      },
      serviceLevels: [{ priority: 'high', responseMinutes: 60, restorationMinutes: 240 }],
    });
    expect(contracts.contracts[0]!.serviceHours.weekly.map((day) => day.day)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    expect(
      (await portal<PortalContracts>('/contracts', beta)).contracts.map((contract) => contract.code),
    ).toEqual(['C-BETA']);
  });

  it('is the customers’: every other role is refused, and the desk’s request views are closed to customers', async () => {
    for (const token of [
      suite.admin,
      suite.tokens.dispatcherMi,
      suite.tokens.technicianMi,
      suite.tokens.auditor,
    ]) {
      for (const path of ['/requests', '/assets', '/contracts', `/requests/${opened.id}`]) {
        expect([path, await status(path, token)]).toEqual([path, 403]);
      }
    }
    for (const path of [
      '/api/service-requests',
      `/api/service-requests/${opened.id}`,
      `/api/service-requests/${opened.id}/timeline`,
      `/api/service-requests/${opened.id}/sheet`,
      `/api/service-requests/${opened.id}/service-level`,
      '/api/assets/SN-ACME-1/history',
      '/api/sites/S-ACME-1/history',
    ]) {
      expect([path, (await suite.api.call('GET', path, acme())).status]).toEqual([path, 403]);
    }
    expect(
      (await suite.api.call('POST', `/api/service-requests/${opened.id}/notes`, acme(), { text: 'x' }))
        .status,
    ).toBe(403);
    expect((await suite.api.call('GET', '/api/portal/requests')).status).toBe(401);
    const bad = await suite.api.call('GET', '/api/portal/requests?state=all', acme());
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ field: 'state' })]);
  });
});
