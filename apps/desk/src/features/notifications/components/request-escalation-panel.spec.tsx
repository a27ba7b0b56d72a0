import type { RequestEscalation } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { sendAnswer, sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { renderServiceRequests } from '../../service-requests/testing/render-service-requests';
import { requestDetailOf } from '../../service-requests/testing/request-detail-of';
import { escalationLevelOf, requestEscalationOf } from '../testing/escalation-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'eeeeeeee-0000-4000-8000-000000000005';
const local = (instant: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

type Answer = { status: number; body: unknown };

/** The request, its empty timeline, no service level, and its escalation as `escalation()` says. */
async function startApi(
  escalation: () => Answer,
  { onAcknowledge, live }: { onAcknowledge?: () => void; live?: (feed: ServerResponse) => void } = {},
): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === `/api/service-requests/${ID}`)
      return sendJson(response, 200, requestDetailOf(ID, { status: 'accepted', priority: 'high' }));
    if (url.pathname === `/api/service-requests/${ID}/timeline`) return sendJson(response, 200, []);
    if (url.pathname === `/api/service-requests/${ID}/escalation`) {
      const { status, body } = escalation();
      return sendAnswer(response, status, body);
    }
    if (url.pathname === `/api/service-requests/${ID}/escalation/acknowledge` && request.method === 'POST') {
      onAcknowledge?.();
      response.writeHead(204);
      return response.end();
    }
    if (url.pathname === '/api/live' && live) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      return live(response);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const ok = (body: RequestEscalation) => () => ({ status: 200, body });

/** Each level's facts as "term: value" lines. */
const facts = (level: HTMLElement) =>
  within(level)
    .getAllByRole('term')
    .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent ?? ''}`);

const FIRST = escalationLevelOf(1, {
  alertedAt: '2026-11-27T08:30:00.000Z',
  acknowledgeBy: '2026-11-27T08:45:00.000Z',
  acknowledged: {
    at: '2026-11-27T08:40:00.000Z',
    userId: 'user-disp.mi',
    displayName: 'Mario Rossi',
    note: 'Technician on the way',
  },
});
const SECOND = escalationLevelOf(2, {
  percent: 100,
  cause: 'unacknowledged',
  alertedAt: '2026-11-27T09:00:00.000Z',
  recipients: [
    { userId: 'user-mgr.mi', displayName: 'Laura Verdi' },
    { userId: 'user-mgr.2', displayName: 'Paolo Neri' },
  ],
  channels: ['inbox', 'email', 'sms'],
  acknowledgeBy: '2099-01-01T00:00:00.000Z',
});

describe('the request’s escalation', () => {
  it('shows each level raised: cause, time, recipients, channels, deadline, and who acknowledged with the note', async () => {
    await startApi(ok(requestEscalationOf(ID, { levels: [SECOND, FIRST], canAcknowledge: true })));
    const { container } = renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Escalation' });
    const levels = await within(panel).findAllByRole('listitem');
    expect(levels.map((level) => within(level).getByRole('heading').textContent)).toEqual([
      'Level 1',
      'Level 2',
    ]);
    expect(within(panel).getByRole('link', { name: 'ESC-HIGH' }).getAttribute('href')).toBe(
      '/app/md/escalation-chains/ESC-HIGH',
    );
    expect(within(levels[0]!).getByText('50% of the response time')).toBeTruthy();
    expect(within(levels[0]!).getByText('Acknowledged')).toBeTruthy();
    expect(facts(levels[0]!)).toEqual([
      `Raised: ${local(FIRST.alertedAt)}`,
      'Cause: SLA threshold reached',
      'Alerted: Mario Rossi',
      'Channels: Inbox',
      `Acknowledge by: ${local(FIRST.acknowledgeBy!)}`,
      `Acknowledged by: Mario Rossi, ${local('2026-11-27T08:40:00.000Z')}Note: Technician on the way`,
    ]);
    expect(within(levels[1]!).getByText('Awaiting acknowledgement')).toBeTruthy();
    const second = facts(levels[1]!);
    expect(second.slice(0, 4)).toEqual([
      `Raised: ${local(SECOND.alertedAt)}`,
      'Cause: Previous level not acknowledged in time',
      'Alerted: Laura Verdi, Paolo Neri',
      'Channels: Inbox, E-mail, SMS',
    ]);
    expect(second[4]).toMatch(
      new RegExp(`^Acknowledge by: ${local(SECOND.acknowledgeBy!).replace(/[/]/g, '\\/')} · .+ left$`),
    );
    expect(second[5]).toBe('Acknowledged by: Not yet');
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();
    // The timeline's loader is no part of this panel.
    await waitFor(() => expect(screen.queryByLabelText('Loading the timeline…')).toBeNull());
    expect(await axeViolations(container)).toEqual([]);
  });

  it('acknowledges from the request: the dialog, the note, then the level shown acknowledged by the reader', async () => {
    let escalation = requestEscalationOf(ID, { levels: [SECOND], canAcknowledge: true });
    const stub = await startApi(() => ({ status: 200, body: escalation }), {
      onAcknowledge: () => {
        escalation = {
          ...escalation,
          canAcknowledge: false,
          levels: [
            {
              ...SECOND,
              acknowledged: {
                at: '2026-11-27T09:05:00.000Z',
                userId: 'user-disp.mi',
                displayName: 'disp.mi',
              },
            },
          ],
        };
      },
    });
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Escalation' });
    fireEvent.click(await within(panel).findByRole('button', { name: 'Acknowledge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Acknowledge the escalation' });
    expect(within(dialog).getByText(/the alert about SR-EEEEEEEE/)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), {
      target: { value: 'On it' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      stub.requests.filter((r) => r.method === 'POST').map((r) => [r.url, JSON.parse(r.body) as unknown]),
    ).toEqual([[`/api/service-requests/${ID}/escalation/acknowledge`, { note: 'On it' }]]);
    expect(await within(panel).findByText(`disp.mi, ${local('2026-11-27T09:05:00.000Z')}`)).toBeTruthy();
    expect(within(panel).getByRole('status').textContent).toBe('Escalation acknowledged.');
    expect(within(panel).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it('offers no acknowledgement to a reader the API does not let, and says when nothing is raised', async () => {
    let answer = ok(requestEscalationOf(ID, { levels: [FIRST], canAcknowledge: false }));
    await startApi(() => answer());
    const first = renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Escalation' });
    await within(panel).findByRole('listitem');
    expect(within(panel).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    first.unmount();

    answer = ok(requestEscalationOf(ID));
    const second = renderServiceRequests({ path: `/app/requests/${ID}` });
    expect(
      await within(await screen.findByRole('region', { name: 'Escalation' })).findByText(
        'No escalation level has been raised.',
      ),
    ).toBeTruthy();
    second.unmount();

    // As the API answers a request that never escalated.
    answer = ok(requestEscalationOf(ID, { chainCode: null }));
    renderServiceRequests({ path: `/app/requests/${ID}`, language: 'it' });
    const none = await screen.findByRole('region', { name: 'Escalation' });
    expect(await within(none).findByText('Nessun livello di escalation è stato raggiunto.')).toBeTruthy();
    expect(within(none).queryByRole('link')).toBeNull();
  });

  it('is left out when the API shows the reader no escalation, or keeps none for the request', async () => {
    for (const status of [403, 404]) {
      const stub = await startApi(() => ({ status, body: { status, title: 'Nope' } }));
      const view = renderServiceRequests({ path: `/app/requests/${ID}` });
      await screen.findByRole('heading', { name: 'SR-EEEEEEEE' });
      await waitFor(() => expect(stub.requests.some((r) => r.url.endsWith('/escalation'))).toBe(true));
      await waitFor(() => expect(screen.queryByTestId('escalation-panel')).toBeNull());
      expect(screen.queryByRole('alert')).toBeNull();
      view.unmount();
    }
  });

  it('follows the live notices of escalations', async () => {
    let escalation = requestEscalationOf(ID);
    let feed: ServerResponse | undefined;
    await startApi(() => ({ status: 200, body: escalation }), { live: (response) => (feed = response) });
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Escalation' });
    await within(panel).findByText('No escalation level has been raised.');
    await waitFor(() => expect(feed).toBeDefined());
    escalation = { ...escalation, levels: [SECOND], canAcknowledge: true };
    feed?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['escalations'] })}\n\n`);
    expect(await within(panel).findByText('Awaiting acknowledgement')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();
    feed?.end();
  });
});
