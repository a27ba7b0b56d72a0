import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDesk } from '../../../testing/render-desk';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const KINDS = [
  {
    kind: 'notification-rule',
    plural: 'notification-rules',
    read: 'all',
    write: 'all',
    columns: ['name', 'topic', 'audiences', 'channels'],
  },
  {
    kind: 'escalation-chain',
    plural: 'escalation-chains',
    read: 'all',
    write: 'all',
    columns: ['name', 'priorities', 'unitCodes'],
  },
];

async function startApi(): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/master-data') return sendJson(response, 200, KINDS);
    if (url.pathname === '/api/master-data/notification-rules' && request.method === 'GET')
      return sendJson(response, 200, {
        items: [
          {
            code: 'R-ASSIGN',
            kind: 'notification-rule',
            status: 'active',
            version: 1,
            record: {
              name: 'Assignments to technicians',
              topic: 'assignment',
              audiences: ['technicians', 'unit-dispatchers'],
              channels: ['inbox', 'push'],
            },
          },
        ],
        total: 1,
      });
    if (url.pathname === '/api/master-data/escalation-chains' && request.method === 'POST') {
      const body = JSON.parse(request.body) as { code: string };
      return sendJson(response, 201, {
        code: body.code,
        kind: 'escalation-chain',
        status: 'active',
        version: 1,
        record: body,
      });
    }
    if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, { items: [], total: 0 });
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

/** Picks `option` in the multi-select labelled `label` (inside `scope`). */
function pick(scope: HTMLElement, label: RegExp, option: string) {
  fireEvent.click(within(scope).getByRole('combobox', { name: label }));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

describe('notification rules and escalation chains as master data', () => {
  it('lists the rules with their topic, audiences and channels by name', async () => {
    await startApi();
    renderDesk({ path: '/app/md/notification-rules', session: testSession('admin', { role: 'admin' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Notification rules' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Notification rules' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Code', 'Name', 'Topic', 'Who is told', 'Channels', 'Status']);
    const row = await within(table).findByRole('row', { name: /R-ASSIGN/ });
    expect([...row.children].map((cell) => cell.textContent)).toEqual([
      'R-ASSIGN',
      'Assignments to technicians',
      'Assignment',
      'Technicians concerned, Dispatchers of the centre',
      'Inbox, Push',
      'Active',
    ]);
  });

  it('builds an escalation chain level by level, choosing audiences and channels by name', async () => {
    const stub = await startApi();
    const { router } = renderDesk({
      path: '/app/md/escalation-chains/new',
      session: testSession('admin', { role: 'admin' }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'New Escalation chain' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /^Code/ }), { target: { value: 'ESC-HIGH' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Name/ }), { target: { value: 'High priority' } });
    pick(document.body, /^Priorities/, 'High');
    fireEvent.click(screen.getByRole('button', { name: 'Add to Levels' }));
    const level = screen.getByRole('group', { name: 'Levels 1' });
    fireEvent.change(within(level).getByRole('textbox', { name: /^At SLA alarm/ }), {
      target: { value: '50' },
    });
    pick(level, /^Who is told/, 'Dispatchers of the centre');
    pick(level, /^Channels/, 'Inbox');
    fireEvent.change(within(level).getByRole('textbox', { name: /^Acknowledge within/ }), {
      target: { value: '1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/md/escalation-chains/ESC-HIGH'));
    const post = stub.requests.find((request) => request.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      code: 'ESC-HIGH',
      name: 'High priority',
      priorities: ['high'],
      levels: [
        { percent: 50, audiences: ['unit-dispatchers'], channels: ['inbox'], acknowledgeWithinMinutes: 1 },
      ],
    });
  });
});
