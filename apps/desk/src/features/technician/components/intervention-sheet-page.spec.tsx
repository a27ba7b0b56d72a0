import type { InterventionSheet } from '@fieldstream/api-contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { renderTechnician } from '../testing/render-technician';
import { setOnline } from '../testing/set-online';
import { sheetOf } from '../testing/sheet-of';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const server = stubApiEachTest();
afterEach(() => setOnline(true));

type CommandAnswer = (request: RecordedRequest, response: ServerResponse) => void;

/**
 * The API as the sheet uses it: the sheet of R1 (as `current()` says, or a 404 once `sheetGone()`),
 * an empty agenda, the catalogues, the attachment, and each command answered by `commands[action]`
 * (by default: the request, one version on).
 */
async function startApi(
  current: () => InterventionSheet,
  commands: Record<string, CommandAnswer> = {},
  { sheetGone = () => false }: { sheetGone?: () => boolean } = {},
) {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/service-requests/R1/sheet') {
      // As the API answers a request that is not there or out of the viewer's scope.
      if (sheetGone()) {
        return sendJson(
          response,
          404,
          {
            type: '/problems/not-found',
            title: 'Not Found',
            status: 404,
            code: 'not_found',
            detail: 'There is no service request R1',
            resource: { kind: 'service-request', id: 'R1' },
          },
          'application/problem+json',
        );
      }
      return sendJson(response, 200, current());
    }
    const agenda = /^\/api\/technicians\/([^/]+)\/agenda$/.exec(url.pathname);
    if (agenda) {
      return sendJson(response, 200, {
        technicianCode: agenda[1],
        technicianName: 'Marco Tecnico',
        timeZone: 'Europe/Rome',
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
        entries: [],
      });
    }
    const command = /^\/api\/service-requests\/R1\/([a-z-]+)$/.exec(url.pathname);
    if (command && request.method === 'POST') {
      const answer = commands[command[1] ?? ''];
      if (answer) return answer(request, response);
      const sheet = current();
      return sendJson(response, 200, { ...sheet.request, version: sheet.request.version + 1 });
    }
    if (url.pathname === '/api/master-data/items') {
      return sendJson(response, 200, {
        items: [
          { code: 'SEAL', record: { name: 'Boiler seal' } },
          { code: 'FILTER', record: { name: 'Water filter' } },
        ],
        total: 2,
      });
    }
    if (url.pathname === '/api/master-data/warehouses') {
      return sendJson(response, 200, {
        items: [
          {
            code: 'VAN-T-MI-1',
            record: { name: 'Marco van', type: 'van', unitCode: 'MI', technicianCode: 'T-MI-1' },
          },
        ],
        total: 1,
      });
    }
    if (url.pathname === '/api/master-data/conditions') {
      const q = url.searchParams.get('q') ?? '';
      const all = [
        { code: 'CORROSION', record: { name: 'Corrosion' } },
        { code: 'LEAK', record: { name: 'Water leak' } },
      ];
      const items = all.filter((c) => c.record.name.toLowerCase().startsWith(q.toLowerCase()));
      return sendJson(response, 200, { items, total: items.length });
    }
    if (url.pathname.startsWith('/api/attachments/')) {
      response.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': "inline; filename*=UTF-8''Manuale%20BX%20200.pdf",
      });
      return response.end('%PDF-1.4');
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const posts = (stub: HttpStub) => stub.requests.filter((r) => r.method === 'POST');
const sheetLoads = (stub: HttpStub) =>
  stub.requests.filter((r) => r.url === '/api/service-requests/R1/sheet').length;

async function openSheet(
  path = '/app/my/requests/R1',
  session?: Parameters<typeof renderTechnician>[0]['session'],
) {
  const view = renderTechnician({ path, ...(session ? { session } : {}) });
  await screen.findByRole('heading', { name: 'Request SR-R1', level: 1 });
  return view;
}

describe('intervention sheet', () => {
  it('shows the request, site, machine, instructions, contract, history and documents', async () => {
    const stub = await startApi(() => sheetOf());
    await openSheet();
    expect(screen.getByText('High')).toBeTruthy();
    expect(screen.getAllByText('Planned').length).toBeGreaterThan(0);
    expect(screen.getByText('The boiler stops every hour.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Planned visits' }).textContent).toContain('Marco Tecnico');

    const site = screen.getByRole('region', { name: 'Customer and site' });
    expect(within(site).getByText('ACME Spa')).toBeTruthy();
    expect(within(site).getByText('Ring at gate B; ask for the caretaker.')).toBeTruthy();
    expect(within(site).getByText('Giulia Verdi (reported the problem)')).toBeTruthy();
    expect(
      within(site).getByRole('link', { name: 'Call Giulia Verdi on +39 02 1234 567' }).getAttribute('href'),
    ).toBe('tel:+39021234567');
    expect(
      within(site).getByRole('link', { name: 'Call Paolo Neri on +39 333 1234567' }).getAttribute('href'),
    ).toBe('tel:+393331234567');
    expect(
      within(site)
        .getByRole('link', { name: /^Navigate to Via Roma/ })
        .getAttribute('href'),
    ).toBe('geo:45.4642,9.19');

    const machine = screen.getByRole('region', { name: 'Machine' });
    expect(within(machine).getByText('Boiler BX 200 (BX-200)')).toBeTruthy();
    expect(within(machine).getByText('gas')).toBeTruthy();
    expect(within(machine).getByText('Yes')).toBeTruthy();

    const leak = screen.getByRole('article', { name: 'Water leak (LEAK)' });
    expect(within(leak).getByText('45 minutes')).toBeTruthy();
    expect(within(leak).getByText('Torque wrench')).toBeTruthy();
    expect(within(leak).getByText('SEAL × 2')).toBeTruthy();
    expect(within(leak).getByText('Corrective action: Replace the seal')).toBeTruthy();
    const steps = within(leak)
      .getAllByRole('list')
      .find((list) => list.tagName === 'OL') as HTMLElement;
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Close the water valve', 'Remove the old seal', 'Fit the new seal']);

    const contract = screen.getByRole('region', { name: 'Contract' });
    expect(within(contract).getByText('ACME full service (C-ACME)')).toBeTruthy();
    expect(within(contract).getByText('High: respond within 4 h, restore within 8 h')).toBeTruthy();
    expect(within(contract).getByText('Labour included:').parentElement?.textContent).toBe(
      'Labour included: Yes',
    );
    expect(within(contract).getByText('Materials included:').parentElement?.textContent).toBe(
      'Materials included: No',
    );

    const history = screen.getByRole('region', { name: 'Previous interventions' });
    expect(within(history).getByText(/SR-R0/)).toBeTruthy();
    expect(within(history).getByText('Bearing worn out, replaced.')).toBeTruthy();
    expect(within(history).getByText('BEARING × 1')).toBeTruthy();

    // Documents are fetched with the bearer token and saved under the server's file name.
    const saved: string[] = [];
    const createObjectURL = jest.fn(() => 'blob:manual');
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    try {
      const documents = screen.getByRole('region', { name: 'Documents' });
      fireEvent.click(
        within(documents).getByRole('button', { name: 'Download document 1: Boiler BX 200 manual' }),
      );
      await waitFor(() => expect(saved).toEqual(['Manuale BX 200.pdf']));
      const download = stub.requests.find((r) => r.url.startsWith('/api/attachments/'));
      expect(download?.url).toBe('/api/attachments/9b1f0c7e-3f5a-4a8e-9d5c-1a2b3c4d5e6f');
      expect(download?.headers['authorization']).toBe('Bearer token-of-tech.mi');
    } finally {
      click.mockRestore();
    }
    // Assigned, not started: no closing yet.
    expect(screen.queryByRole('button', { name: 'Close the job' })).toBeNull();
  });

  it('starts work with If-Match and a fresh Idempotency-Key, then shows the new state', async () => {
    let sheet = sheetOf();
    const stub = await startApi(() => sheet, {
      start: (_request, response) => {
        sheet = sheetOf({ status: 'in-progress', version: 8 });
        sendJson(response, 200, sheet.request);
      },
    });
    await openSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Start work' }));
    expect(await screen.findByText('Work started: you are on site.')).toBeTruthy();
    const [start] = posts(stub);
    expect(start?.url).toBe('/api/service-requests/R1/start');
    expect(JSON.parse(start?.body ?? '')).toEqual({});
    expect(start?.headers['if-match']).toBe('"7"');
    expect(start?.headers['idempotency-key']).toMatch(UUID);
    expect(await screen.findByRole('button', { name: 'Close the job' })).toBeTruthy();
    expect(screen.getAllByText('In progress').length).toBeGreaterThan(0);
  });

  it('sends the same Idempotency-Key again when the first answer was lost', async () => {
    let attempts = 0;
    const stub = await startApi(() => sheetOf(), {
      start: (request, response) => {
        attempts += 1;
        // The first answer never arrives: the connection drops after the server got the request.
        if (attempts === 1) return request && response.socket?.destroy();
        return sendJson(response, 200, { ...sheetOf().request, status: 'in-progress', version: 8 });
      },
    });
    await openSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Start work' }));
    expect(await screen.findByText(/Sending it again is safe/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start work' }));
    expect(await screen.findByText('Work started: you are on site.')).toBeTruthy();
    const keys = posts(stub).map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
  });

  it('says clearly when someone else changed the request, and reloads the sheet', async () => {
    let sheet = sheetOf();
    const stub = await startApi(() => sheet, {
      start: (_request, response) => {
        sheet = sheetOf({ version: 9, description: 'The boiler stops every hour. Customer called again.' });
        sendJson(
          response,
          409,
          { status: 409, title: 'Conflict', detail: 'Expected version 7, found 9' },
          'application/problem+json',
        );
      },
    });
    await openSheet();
    const loads = sheetLoads(stub);
    fireEvent.click(screen.getByRole('button', { name: 'Start work' }));
    const alert = await screen.findByText('The request changed meanwhile');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('The sheet has been reloaded');
    await waitFor(() => expect(sheetLoads(stub)).toBeGreaterThan(loads));
    expect(await screen.findByText('The boiler stops every hour. Customer called again.')).toBeTruthy();
  });

  it('renounces with a reason and an explanation, both required, then goes back to the agenda', async () => {
    const stub = await startApi(() => sheetOf());
    const { router } = await openSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Renounce' }));
    const dialog = await screen.findByRole('form', { name: 'Renounce this job' });
    expect(within(dialog).getByText(/goes back to the dispatcher/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renounce the job' }));
    expect(await within(dialog).findAllByText('Required')).toHaveLength(2);
    expect(posts(stub)).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Reason/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Missing parts' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Explanation/ }), {
      target: { value: '  The seal is not in stock.  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renounce the job' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/my/agenda'));
    const [renounce] = posts(stub);
    expect(renounce?.url).toBe('/api/service-requests/R1/renounce');
    expect(JSON.parse(renounce?.body ?? '')).toEqual({
      reasonCode: 'NO-PARTS',
      text: 'The seal is not in stock.',
    });
    expect(renounce?.headers['if-match']).toBe('"7"');
    expect(renounce?.headers['idempotency-key']).toMatch(UUID);
    expect(await screen.findByText('You renounced the job: it is back with the dispatcher.')).toBeTruthy();
  });

  it('leaves for the agenda with the notice even though the answer takes the job away, and does not reload it', async () => {
    let renounced = false;
    const stub = await startApi(
      () => sheetOf(),
      {
        renounce: (_request, response) => {
          renounced = true;
          // As the server answers: back to dispatch, no technician, so no 'renounce' on the sheet.
          sendJson(response, 200, {
            ...sheetOf().request,
            status: 'accepted',
            assignments: [],
            allowedCommands: ['addNote'],
            version: 8,
          });
        },
      },
      { sheetGone: () => renounced },
    );
    const { router } = await openSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Renounce' }));
    const dialog = await screen.findByRole('form', { name: 'Renounce this job' });
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close the dialog' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Reason/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Illness' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Explanation/ }), {
      target: { value: 'Fever since last night.' },
    });
    const loads = sheetLoads(stub);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renounce the job' }));
    expect(await screen.findByText('You renounced the job: it is back with the dispatcher.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/app/my/agenda');
    expect(await screen.findByRole('heading', { name: 'My agenda' })).toBeTruthy();
    // Give a reload the time it would take: the sheet the technician gave up is not asked for again.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(sheetLoads(stub)).toBe(loads);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a sheet that is not there, or no longer the technician’s, does not exist, in both languages', async () => {
    await startApi(() => sheetOf(), {}, { sheetGone: () => true });
    const { unmount } = renderTechnician({ path: '/app/my/requests/R1' });
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('This request does not exist or is no longer visible to you'),
    ).toBeTruthy();
    expect(alert.textContent).not.toMatch(/not available yet/);
    unmount();

    renderTechnician({ path: '/app/my/requests/R1', language: 'it' });
    const italian = await screen.findByRole('alert');
    expect(within(italian).getByText('Questa richiesta non esiste o non è più visibile per te')).toBeTruthy();
  });

  it('names the technician when an office user acts for one', async () => {
    const stub = await startApi(() => sheetOf());
    await openSheet(
      '/app/my/requests/R1?technician=T-MI-1',
      testSession('disp.mi', { role: 'dispatcher', binding: { unitCode: 'MI' } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start work' }));
    await screen.findByText('Work started: you are on site.');
    expect(JSON.parse(posts(stub)[0]?.body ?? '')).toEqual({ technicianCode: 'T-MI-1' });
  });

  it('adds a condition found on site, picked from the catalogue, a note and a follow-up', async () => {
    const stub = await startApi(() => sheetOf({ status: 'in-progress' }));
    await openSheet();

    fireEvent.click(screen.getByRole('button', { name: 'Add condition found' }));
    const found = await screen.findByRole('form', { name: 'Add a condition found on site' });
    // Typed by the user (focused first: Mantine ignores changes to an unfocused input as autofill).
    const search = within(found).getByRole('combobox', { name: /^Condition/ });
    act(() => search.focus());
    fireEvent.change(search, { target: { value: 'cor' } });
    // The catalogue is searched on the server: only its answer's options are offered.
    await waitFor(() =>
      expect(stub.requests.some((r) => r.url.includes('/conditions?') && r.url.includes('q=cor'))).toBe(true),
    );
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Corrosion (CORROSION)']),
    );
    fireEvent.click(await screen.findByRole('option', { name: 'Corrosion (CORROSION)' }));
    fireEvent.click(within(found).getByRole('button', { name: 'Add condition' }));
    expect(await screen.findByText('Condition recorded.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const note = await screen.findByRole('form', { name: 'Add a note' });
    fireEvent.change(within(note).getByRole('textbox', { name: /^Note/ }), {
      target: { value: 'Gate B was locked.' },
    });
    fireEvent.click(within(note).getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('Note added.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Open follow-up' }));
    const followUp = await screen.findByRole('form', { name: 'Open a follow-up request' });
    fireEvent.change(within(followUp).getByRole('textbox', { name: /^Why another visit/ }), {
      target: { value: 'Pump to replace' },
    });
    fireEvent.change(within(followUp).getByRole('textbox', { name: /^What is to be done/ }), {
      target: { value: 'Replace the circulation pump.' },
    });
    fireEvent.click(within(followUp).getByRole('button', { name: 'Open follow-up' }));
    expect(await screen.findByText('Follow-up request opened.')).toBeTruthy();

    expect(posts(stub).map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      ['/api/service-requests/R1/conditions-found', { conditionCode: 'CORROSION' }],
      ['/api/service-requests/R1/notes', { text: 'Gate B was locked.' }],
      [
        '/api/service-requests/R1/follow-ups',
        { reason: 'Pump to replace', description: 'Replace the circulation pump.', priority: 'high' },
      ],
    ]);
    for (const post of posts(stub)) {
      expect(post.headers['if-match']).toBe('"7"');
      expect(post.headers['idempotency-key']).toMatch(UUID);
    }
    expect(new Set(posts(stub).map((r) => r.headers['idempotency-key'])).size).toBe(3);
  });
});

describe('closing the job', () => {
  it('checks the form, sends the actuals, and shows a server refusal beside its field', async () => {
    let closeAnswers = 0;
    const stub = await startApi(() => sheetOf({ status: 'in-progress' }), {
      close: (_request, response) => {
        closeAnswers += 1;
        if (closeAnswers === 1) {
          return sendJson(
            response,
            400,
            {
              status: 400,
              title: 'Invalid request',
              detail: 'Not enough stock',
              errors: [
                {
                  field: 'materials.0.quantity',
                  message: 'Only 1 left in VAN-T-MI-1',
                  code: 'insufficient_stock',
                },
              ],
            },
            'application/problem+json',
          );
        }
        return sendJson(response, 200, { ...sheetOf().request, status: 'closed', version: 8 });
      },
    });
    await openSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Close the job' }));
    const form = await screen.findByRole('form', { name: 'Close the job' });

    // Labour starts at the estimate (45 + 30 minutes of the two conditions), shown beside it.
    const labour = within(form).getByRole('textbox', { name: /^Labour/ }) as HTMLInputElement;
    expect(labour.value).toBe('75');
    expect(within(form).getByText('Estimate: 1 h 15 min · entered: 1 h 15 min')).toBeTruthy();
    fireEvent.change(labour, { target: { value: '90' } });
    expect(within(form).getByText('Estimate: 1 h 15 min · entered: 1 h 30 min')).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Add material' }));
    const row = within(form).getByRole('group', { name: 'Material 1' });
    // The source defaults to the technician's own van.
    await waitFor(() =>
      expect((within(row).getByRole('combobox', { name: /^Taken from/ }) as HTMLInputElement).value).toBe(
        'My van: Marco van (VAN-T-MI-1)',
      ),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Close the job' }));
    expect(within(form).getAllByText('Required').length).toBe(5); // travel ×2, item, quantity, resolution
    expect(posts(stub)).toHaveLength(0);

    fireEvent.change(within(form).getByRole('textbox', { name: /^Travel \(minutes\)/ }), {
      target: { value: '20' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Travel \(km\)/ }), {
      target: { value: '12,5' },
    });
    fireEvent.click(within(row).getByRole('combobox', { name: /^Item/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Boiler seal (SEAL)' }));
    fireEvent.change(within(row).getByRole('textbox', { name: /^Quantity/ }), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Replace the seal' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /^Other actions/ }), {
      target: { value: 'Checked the hoses' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Resolution/ }), {
      target: { value: 'Seal replaced, no more leaks.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Close the job' }));

    expect(await within(row).findByText('Only 1 left in VAN-T-MI-1')).toBeTruthy();
    expect(within(form).getByText('Some fields need attention')).toBeTruthy();
    const [first] = posts(stub);
    expect(first?.url).toBe('/api/service-requests/R1/close');
    expect(JSON.parse(first?.body ?? '')).toEqual({
      labourMinutes: 90,
      travelMinutes: 20,
      travelKm: 12.5,
      materials: [{ itemCode: 'SEAL', quantity: 2, warehouseCode: 'VAN-T-MI-1' }],
      correctiveActions: ['Replace the seal', 'Checked the hoses'],
      resolution: 'Seal replaced, no more leaks.',
    });
    expect(first?.headers['if-match']).toBe('"7"');
    expect(first?.headers['idempotency-key']).toMatch(UUID);

    fireEvent.change(within(row).getByRole('textbox', { name: /^Quantity/ }), { target: { value: '1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Close the job' }));
    expect(await screen.findByText('Job closed. Thank you.')).toBeTruthy();
    const second = posts(stub)[1];
    expect(JSON.parse(second?.body ?? '').materials).toEqual([
      { itemCode: 'SEAL', quantity: 1, warehouseCode: 'VAN-T-MI-1' },
    ]);
    // A refused submission is not a lost one: the corrected one is a new submission with a new key.
    expect(second?.headers['idempotency-key']).toMatch(UUID);
    expect(second?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
    expect(screen.queryByRole('form', { name: 'Close the job' })).toBeNull();
  });
});

describe('offline', () => {
  it('keeps the sheet on screen, says so, and disables every command until the connection returns', async () => {
    const stub = await startApi(() => sheetOf({ status: 'in-progress' }));
    await openSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Close the job' }));
    const form = await screen.findByRole('form', { name: 'Close the job' });
    setOnline(false);

    expect(screen.getByText('You are offline')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Water leak (LEAK)' })).toBeTruthy();
    const actions = within(screen.getByRole('group', { name: 'Actions' })).getAllByRole('button');
    expect(actions.length).toBeGreaterThan(0);
    for (const button of [...actions, within(form).getByRole('button', { name: 'Close the job' })]) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBe('technician-offline-explanation');
    }
    expect(document.getElementById('technician-offline-explanation')?.textContent).toContain(
      'Actions are disabled until the connection returns.',
    );
    await act(async () => {
      fireEvent.submit(form);
    });
    expect(posts(stub)).toHaveLength(0);

    setOnline(true);
    await waitFor(() => expect(screen.queryByText('You are offline')).toBeNull());
    expect((screen.getByRole('button', { name: 'Add note' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
