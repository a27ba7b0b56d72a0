import type { PortalRequestDetail } from '@fieldstream/api-contract';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { sendJson } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { queryKeysForTopic } from '../../live/api/query-keys-for-topic';
import { detailOf } from '../testing/portal-answers';
import { renderPortal } from '../testing/render-portal';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'aaaaaaaa-0000-4000-8000-000000000001';

/** Serves the request as `current()` says, takes comments and answers with them added. */
async function startApi(current: () => PortalRequestDetail) {
  let answer = current;
  const stub = await server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === `/api/portal/requests/${ID}` && request.method === 'GET')
      return sendJson(response, 200, answer());
    if (url.pathname === `/api/portal/requests/${ID}/comments` && request.method === 'POST') {
      const { text } = JSON.parse(request.body) as { text: string };
      const before = answer();
      const after = {
        ...before,
        steps: [
          ...before.steps,
          { at: '2026-11-26T10:00:00.000Z', kind: 'comment' as const, by: 'Giulia Verdi', text },
        ],
      };
      answer = () => after;
      return sendJson(response, 200, after);
    }
    return sendJson(
      response,
      404,
      { status: 404, title: 'Not Found', code: 'not_found' },
      'application/problem+json',
    );
  });
  return { stub, change: (next: () => PortalRequestDetail) => (answer = next) };
}

describe('a request in the portal', () => {
  it('shows where it stands, the visit with the technician’s first name and window, and its story in plain words', async () => {
    await startApi(() => detailOf(ID));
    const { container } = renderPortal({ path: `/app/portal/requests/${ID}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'SR-AAAAAAAA' })).toBeTruthy();
    expect(screen.getByText('Visit planned', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(screen.getByText('A technician is booked for the visit below.')).toBeTruthy();
    const visit = screen.getByRole('region', { name: 'Your visit' });
    expect(within(visit).getByText(/Dec 2/)).toBeTruthy();
    expect(within(visit).getByText('Mario')).toBeTruthy();
    const progress = screen.getByRole('region', { name: 'Progress' });
    expect(
      [...progress.querySelectorAll('[data-step]')].map((step) => step.querySelector('p')?.textContent),
    ).toEqual([
      'Opened on the portal by Giulia Verdi',
      'Accepted by our service desk',
      expect.stringMatching(/^Visit planned Wed, Dec 2, .* with Mario$/),
    ]);
    expect(screen.getByText('You reported: Ignition failure (E04)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a photo' })).toBeTruthy();
    const picker = container.querySelector('input[type="file"]');
    expect([picker?.getAttribute('accept'), picker?.getAttribute('capture')]).toEqual([
      'image/*',
      'environment',
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('follows the service live: a change notice re-reads the request and the technician on the way shows', async () => {
    const { change } = await startApi(() => detailOf(ID));
    const { queryClient } = renderPortal({ path: `/app/portal/requests/${ID}` });
    await screen.findByRole('region', { name: 'Your visit' });
    const departed = {
      ...detailOf(ID).nextVisit!,
      departedAt: '2026-12-02T07:45:00.000Z',
      etaMinutes: 15,
    };
    change(() =>
      detailOf(ID, {
        status: 'assigned',
        stage: 'on-the-way',
        nextVisit: departed,
        visits: [departed],
        steps: [
          ...detailOf(ID).steps,
          {
            at: '2026-12-02T07:45:00.000Z',
            kind: 'on-the-way',
            technicianFirstName: 'Mario',
            etaMinutes: 15,
          },
        ],
      }),
    );
    // What the live updates do on a `service-requests` notice.
    await act(async () => {
      for (const key of queryKeysForTopic('service-requests'))
        await queryClient.invalidateQueries({ queryKey: [...key] });
    });
    expect(await screen.findByText('Expected in about 15 minutes')).toBeTruthy();
    expect(screen.getByText('Technician on the way', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(screen.getByText('Mario set out for your site, about 15 min away')).toBeTruthy();
  });

  it('sends a comment and shows it in the progress', async () => {
    const { stub } = await startApi(() => detailOf(ID));
    renderPortal({ path: `/app/portal/requests/${ID}` });
    fireEvent.change(await screen.findByRole('textbox', { name: /^Your comment/ }), {
      target: { value: 'Gate B, please' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send comment' }));
    await screen.findByText('Comment sent.');
    const sent = stub.requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({ text: 'Gate B, please' });
    expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const progress = screen.getByRole('region', { name: 'Progress' });
    expect(within(progress).getByText('Your comment')).toBeTruthy();
    expect(within(progress).getByText('Gate B, please')).toBeTruthy();
  });

  it('shows what was done once completed, and takes no more comments', async () => {
    await startApi(() =>
      detailOf(ID, {
        status: 'closed',
        stage: 'completed',
        nextVisit: undefined,
        closedAt: '2026-12-02T10:00:00.000Z',
        outcome: { at: '2026-12-02T10:00:00.000Z', resolution: 'Ignition electrode replaced.' },
        canComment: false,
        canAddPhotos: false,
      }),
    );
    renderPortal({ path: `/app/portal/requests/${ID}`, language: 'it' });
    const outcome = await screen.findByRole('region', { name: 'Cosa è stato fatto' });
    expect(within(outcome).getByText('Ignition electrode replaced.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Il vostro intervento' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Invia il commento' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Aggiungi una foto' })).toBeNull();
  });

  it('says a request that is not theirs is not found', async () => {
    await server.serve((_request, response) =>
      sendJson(
        response,
        404,
        { status: 404, title: 'Not Found', code: 'not_found', resource: { kind: 'service-request', id: ID } },
        'application/problem+json',
      ),
    );
    renderPortal({ path: `/app/portal/requests/${ID}` });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Request not found'));
    expect(screen.getByRole('link', { name: '← My requests' }).getAttribute('href')).toBe('/app/portal');
  });
});
