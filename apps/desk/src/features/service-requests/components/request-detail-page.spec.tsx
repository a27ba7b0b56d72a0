import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { localDayRange } from '../format/local-day-range';
import { renderServiceRequests } from '../testing/render-service-requests';
import { requestDetailOf } from '../testing/request-detail-of';

// jsdom lays out Mantine and FullCalendar slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'eeeeeeee-0000-4000-8000-000000000005';
const OTHER = '99999999-0000-4000-8000-000000000009';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const TIMELINE = [
  {
    id: 'ev-1',
    revision: 0,
    type: 'ServiceRequestOpened',
    at: '2026-11-24T08:00:00.000Z',
    actor: { id: 'u-1', name: 'Mario Rossi', role: 'dispatcher' },
    text: 'Mario Rossi opened the request for Acme Milano.',
  },
  {
    id: 'ev-2',
    revision: 1,
    type: 'ServiceRequestNoteAdded',
    at: '2026-11-24T09:00:00.000Z',
    actor: { id: 'u-2', name: 'Anna Bianchi' },
    text: 'Anna Bianchi added a note.',
    why: 'The customer asks for a morning visit',
  },
];

type Route = (request: RecordedRequest, url: URL) => { status: number; body: unknown } | undefined;

/** The request's resources; `route` answers the commands the test is about. */
async function startApi(detail: () => unknown, route: Route = () => undefined): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    const answer = route(request, url);
    if (answer) {
      const problem = answer.status >= 400;
      return sendJson(
        response,
        answer.status,
        answer.body,
        problem ? 'application/problem+json' : 'application/json',
      );
    }
    if (url.pathname === `/api/service-requests/${ID}`) return sendJson(response, 200, detail());
    if (url.pathname === `/api/service-requests/${ID}/timeline`) return sendJson(response, 200, TIMELINE);
    if (url.pathname === '/api/master-data/technicians')
      return sendJson(response, 200, {
        items: [
          { code: 'T-MI-1', record: { name: 'Anna Bianchi' } },
          { code: 'T-MI-2', record: { name: 'Luca Verdi' } },
        ],
        total: 2,
      });
    if (url.pathname.startsWith('/api/technicians/')) {
      const from = url.searchParams.get('from') ?? '';
      const start = new Date(Date.parse(from) + 8 * 3600_000).toISOString();
      const end = new Date(Date.parse(from) + 10 * 3600_000).toISOString();
      return sendJson(response, 200, {
        technicianCode: 'T-MI-1',
        technicianName: 'Anna Bianchi',
        timeZone: 'Europe/Rome',
        from,
        to: url.searchParams.get('to'),
        entries: [
          {
            appointmentId: 'appt-9',
            technicianCode: 'T-MI-1',
            requestId: OTHER,
            start,
            end,
            status: 'confirmed',
            request: {
              reference: 'SR-99999999',
              status: 'assigned',
              priority: 'high',
              description: 'Annual check',
              customerCode: 'BETA',
              customerName: 'Beta Srl',
              siteCode: 'S-BETA-1',
              crew: [],
            },
          },
        ],
      });
    }
    if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, { items: [], total: 0 });
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

/** Commands only: the emergency's impact preview is posted too, but changes nothing. */
const commandsSent = (stub: HttpStub) =>
  stub.requests.filter((r) => r.method !== 'GET' && !r.url.endsWith('/assignments/impact'));
const detailReads = (stub: HttpStub) =>
  stub.requests.filter((r) => r.method === 'GET' && r.url === `/api/service-requests/${ID}`).length;

describe('request detail', () => {
  it('shows the request, its timeline in the reader’s language, and a button for each allowed desk command only', async () => {
    const stub = await startApi(() =>
      requestDetailOf(ID, {
        status: 'open',
        conditionCodes: ['E-104'],
        allowedCommands: [
          'accept',
          'reject',
          'attachCondition',
          'detachCondition',
          'addNote',
          'startWork',
          'close',
        ],
      }),
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    expect(await screen.findByRole('heading', { name: 'SR-EEEEEEEE' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Acme Spa (ACME)' }).getAttribute('href')).toBe(
      '/app/md/customers/ACME',
    );
    expect(screen.getByRole('link', { name: 'Acme Milano (S-ACME-1)' }).getAttribute('href')).toBe(
      '/app/md/sites/S-ACME-1',
    );
    expect(screen.getByRole('link', { name: 'SN-ACME-1' }).getAttribute('href')).toBe(
      '/app/md/assets/SN-ACME-1',
    );
    expect(screen.getByText('Paola Neri · +39 02 1234567')).toBeTruthy();

    const toolbar = screen.getByRole('group', { name: 'What can be done now' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Accept', 'Add condition', 'Remove condition', 'Add note', 'Reject']);

    const timeline = await screen.findByTestId('timeline');
    expect(within(timeline).getByText('Mario Rossi opened the request for Acme Milano.')).toBeTruthy();
    expect(within(timeline).getByText('Why: The customer asks for a morning visit')).toBeTruthy();
    expect(within(timeline).getByText(/by Mario Rossi \(dispatcher\)/)).toBeTruthy();
    expect(within(timeline).getByText(/by Anna Bianchi ·/)).toBeTruthy();
    const asked = stub.requests.find((r) => r.url.startsWith(`/api/service-requests/${ID}/timeline`));
    expect(new URL(asked?.url ?? '', 'http://stub').searchParams.get('lang')).toBe('en');
  });

  it('asks for the timeline in Italian and labels the actions in Italian', async () => {
    const stub = await startApi(() =>
      requestDetailOf(ID, { status: 'open', allowedCommands: ['accept', 'reject'] }),
    );
    renderServiceRequests({ path: `/app/requests/${ID}`, language: 'it' });
    const toolbar = await screen.findByRole('group', { name: 'Cosa si può fare ora' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Accetta', 'Respingi']);
    await screen.findByTestId('timeline');
    const asked = stub.requests.find((r) => r.url.startsWith(`/api/service-requests/${ID}/timeline`));
    expect(new URL(asked?.url ?? '', 'http://stub').searchParams.get('lang')).toBe('it');
  });

  it('on a version conflict reloads the request, says so, and retries on the new version', async () => {
    let version = 3;
    let notes = 0;
    const stub = await startApi(
      () => requestDetailOf(ID, { version }),
      (request, url) => {
        if (url.pathname !== `/api/service-requests/${ID}/notes`) return undefined;
        notes += 1;
        if (notes === 1) {
          // Someone else changed the request meanwhile.
          version = 4;
          return {
            status: 409,
            body: {
              type: '/problems/concurrency-conflict',
              title: 'Conflict: the stream changed meanwhile',
              status: 409,
              code: 'wrong_expected_revision',
              detail: 'expected revision 3, found 4',
            },
          };
        }
        return { status: 200, body: requestDetailOf(ID, { version: 5 }) };
      },
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a note' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add note' }));
    expect(await within(dialog).findByText('Required')).toBeTruthy();
    expect(commandsSent(stub)).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Note/ }), {
      target: { value: 'Call first' },
    });
    const readsBefore = detailReads(stub);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add note' }));
    expect(
      await within(dialog).findByText('This request changed meanwhile — reloaded; check and retry.'),
    ).toBeTruthy();
    await waitFor(() => expect(detailReads(stub)).toBeGreaterThan(readsBefore));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Done: Add a note.')).toBeTruthy();
    const [first, retry] = commandsSent(stub);
    expect(first?.headers['if-match']).toBe('"3"');
    expect(retry?.headers['if-match']).toBe('"4"');
    expect(JSON.parse(retry?.body ?? '{}')).toEqual({ text: 'Call first' });
    expect(first?.headers['idempotency-key']).toMatch(UUID);
    expect(retry?.headers['idempotency-key']).toMatch(UUID);
  });
  it('says a refusal of the rules in the server’s words and shows the request as it now is', async () => {
    let status: 'open' | 'accepted' = 'open';
    const stub = await startApi(
      () =>
        requestDetailOf(ID, {
          status,
          allowedCommands: status === 'open' ? ['accept', 'reject', 'addNote'] : ['assign', 'addNote'],
        }),
      (request, url) => {
        if (url.pathname !== `/api/service-requests/${ID}/accept`) return undefined;
        // Another dispatcher accepted it a moment ago.
        status = 'accepted';
        return {
          status: 409,
          body: {
            type: '/problems/domain-rule',
            title: 'Conflict',
            status: 409,
            code: 'illegal_transition',
            detail: 'A request in state "accepted" cannot accept; allowed: assign, addNote',
          },
        };
      },
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accept the request' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept' }));
    const refused = await within(dialog).findByTestId('command-refused');
    expect(within(refused).getByText(/cannot accept; allowed: assign, addNote/)).toBeTruthy();
    expect(within(dialog).queryByTestId('version-conflict')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const actions = await screen.findByRole('group', { name: 'What can be done now' });
    await waitFor(() =>
      expect(
        within(actions)
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Assign', 'Add note']),
    );
    expect(commandsSent(stub)[0]?.headers['if-match']).toBe('"2"');
  });

  it('says a request that is not there (or out of the reader’s reach) does not exist, in both languages', async () => {
    await startApi(
      () => requestDetailOf(ID),
      (_request, url) =>
        url.pathname === `/api/service-requests/${ID}`
          ? {
              status: 404,
              body: {
                type: '/problems/not-found',
                title: 'Not Found',
                status: 404,
                code: 'not_found',
                detail: `There is no service request ${ID}`,
                resource: { kind: 'service-request', id: ID },
              },
            }
          : undefined,
    );
    const { unmount } = renderServiceRequests({ path: `/app/requests/${ID}` });
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('This request does not exist or is no longer visible to you'),
    ).toBeTruthy();
    expect(alert.textContent).not.toMatch(/not available yet/);
    unmount();

    renderServiceRequests({ path: `/app/requests/${ID}`, language: 'it' });
    const italian = await screen.findByRole('alert');
    expect(within(italian).getByText('Questa richiesta non esiste o non è più visibile per te')).toBeTruthy();
  });

  it('names the close buttons of its dialogs and of the done notice, for screen readers', async () => {
    await startApi(
      () => requestDetailOf(ID, { version: 3, allowedCommands: ['addNote'] }),
      (_request, url) =>
        url.pathname === `/api/service-requests/${ID}/notes`
          ? { status: 200, body: requestDetailOf(ID, { version: 4, allowedCommands: ['addNote'] }) }
          : undefined,
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a note' });
    expect(within(dialog).getByRole('button', { name: 'Close the dialog' })).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Note/ }), {
      target: { value: 'Call first' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add note' }));
    // Loaders are statuses too: the notice is the one saying it is done.
    const done = await waitFor(() => {
      const notice = screen
        .getAllByRole('status')
        .find((element) => element.textContent?.includes('Done: Add a note.'));
      expect(notice).toBeDefined();
      return notice!;
    });
    fireEvent.click(within(done).getByRole('button', { name: 'Close the message' }));
    await waitFor(() => expect(screen.queryByText('Done: Add a note.')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /shortcuts/i }));
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('button', { name: 'Close the dialog' })).toBeTruthy();
  });
});

describe('assign dialog', () => {
  const assignable = () =>
    requestDetailOf(ID, { version: 3, allowedCommands: ['assign', 'suspend', 'cancel', 'addNote'] });

  it('shows the technician’s day, sends the slot with If-Match and Idempotency-Key, and retries a schedule conflict displacing what is in the way', async () => {
    let posts = 0;
    const stub = await startApi(assignable, (request, url) => {
      if (url.pathname !== `/api/service-requests/${ID}/assignments`) return undefined;
      posts += 1;
      if (posts === 1)
        return {
          status: 409,
          body: {
            type: '/problems/domain-rule',
            title: 'Conflict',
            status: 409,
            code: 'schedule_conflict',
            detail: `Technician T-MI-1 is already booked: appointment appt-9 of request ${OTHER}`,
            details: {
              technicianCode: 'T-MI-1',
              conflicts: [
                {
                  appointmentId: 'appt-9',
                  requestId: OTHER,
                  start: '2026-12-01T08:00:00.000Z',
                  end: '2026-12-01T10:00:00.000Z',
                },
              ],
            },
          },
        };
      return { status: 200, body: requestDetailOf(ID, { version: 5, status: 'assigned' }) };
    });
    renderServiceRequests({ path: `/app/requests/${ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Assign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign technicians' });

    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Technician 1/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'T-MI-1 · Anna Bianchi' }));
    fireEvent.change(within(dialog).getByLabelText(/^Start 1/), { target: { value: '2026-12-01T09:00' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Duration in minutes 1/ }), {
      target: { value: '90' },
    });

    // Her day, asked for that local day only, shown in words as well as on the grid.
    const day = await within(dialog).findByTestId('technician-day-agenda');
    await within(day).findByText(/SR-99999999 · Beta Srl/);
    const agendaAsked = stub.requests
      .filter((r) => r.url.startsWith('/api/technicians/T-MI-1/agenda'))
      .map((r) => new URL(r.url, 'http://stub').searchParams)
      .at(-1);
    const expectedDay = localDayRange(new Date('2026-12-01T09:00').toISOString());
    expect(agendaAsked?.get('from')).toBe(expectedDay.from);
    expect(agendaAsked?.get('to')).toBe(expectedDay.to);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    const notice = await within(dialog).findByTestId('schedule-conflict');
    // In the reader's words: the appointment in the way, not the server's ids and UTC instants.
    expect(within(notice).getByText('In the way at that time:')).toBeTruthy();
    expect(within(notice).queryByText(/appt-9/)).toBeNull();
    expect(within(notice).getByRole('link', { name: 'SR-99999999' }).getAttribute('href')).toBe(
      `/app/requests/${OTHER}`,
    );

    fireEvent.click(
      within(notice).getByRole('checkbox', { name: /^Emergency: push these appointments aside/ }),
    );
    fireEvent.click(within(notice).getByRole('radio', { name: 'Remove them from the agenda' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign, displacing them' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Done: Assign technicians.')).toBeTruthy();

    const [first, retry] = commandsSent(stub);
    const slot = {
      technicianCode: 'T-MI-1',
      start: new Date('2026-12-01T09:00').toISOString(),
      durationMinutes: 90,
    };
    expect(first?.method).toBe('POST');
    expect(JSON.parse(first?.body ?? '{}')).toEqual({ assignments: [slot] });
    expect(first?.headers['if-match']).toBe('"3"');
    expect(first?.headers['idempotency-key']).toMatch(UUID);
    expect(JSON.parse(retry?.body ?? '{}')).toEqual({
      assignments: [slot],
      displace: [{ appointmentId: 'appt-9', action: 'remove' }],
    });
    expect(retry?.headers['if-match']).toBe('"3"');
    expect(retry?.headers['idempotency-key']).toMatch(UUID);
    // An emergency is another submission than the one refused.
    expect(retry?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
  });

  it('books a crew with the same start, and checks each row before sending', async () => {
    const stub = await startApi(assignable, (request, url) =>
      url.pathname === `/api/service-requests/${ID}/assignments`
        ? { status: 200, body: requestDetailOf(ID, { version: 4, status: 'assigned' }) }
        : undefined,
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Assign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign technicians' });
    fireEvent.change(within(dialog).getByLabelText(/^Start 1/), { target: { value: '2026-12-02T14:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a technician' }));
    expect((within(dialog).getByLabelText(/^Start 2/) as HTMLInputElement).value).toBe('2026-12-02T14:30');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findAllByText('Required')).toHaveLength(2);
    expect(commandsSent(stub)).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Technician 1/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'T-MI-1 · Anna Bianchi' }));
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Technician 2/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'T-MI-2 · Luca Verdi' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const start = new Date('2026-12-02T14:30').toISOString();
    expect(JSON.parse(commandsSent(stub)[0]?.body ?? '{}')).toEqual({
      assignments: [
        { technicianCode: 'T-MI-1', start, durationMinutes: 60 },
        { technicianCode: 'T-MI-2', start, durationMinutes: 60 },
      ],
    });
  });
});
