import { configure, fireEvent, screen, within } from '@testing-library/react';
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
    kind: 'maintenance-plan',
    plural: 'maintenance-plans',
    read: 'all',
    write: 'all',
    columns: ['name', 'priority', 'leadDays'],
  },
];

/** The kinds, empty lists, and a create refused as the API refuses a plan with neither rule. */
async function startApi(): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/master-data') return sendJson(response, 200, KINDS);
    if (url.pathname === '/api/master-data/maintenance-plans' && request.method === 'POST')
      return sendJson(
        response,
        400,
        {
          type: '/problems/validation',
          title: 'Invalid request',
          status: 400,
          errors: [
            { field: 'calendar', message: 'Give a calendar rule, a meter rule, or both', code: 'custom' },
          ],
        },
        'application/problem+json',
      );
    if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, { items: [], total: 0 });
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('maintenance plans as master data', () => {
  it('names the plan’s fields and groups, and explains the recurrence rule with two examples', async () => {
    await startApi();
    renderDesk({ path: '/app/md/maintenance-plans/new', session: testSession('admin', { role: 'admin' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'New Maintenance plan' })).toBeTruthy();
    const calendar = screen.getByRole('group', { name: 'Calendar rule' });
    const rrule = within(calendar).getByRole('textbox', { name: /^Recurrence rule \(RRULE\)/ });
    const help = describedBy(rrule);
    expect(help).toContain('FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO is every 6 months on the first Monday');
    expect(help).toContain('FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=15 is every year on 15 September');
    expect(within(calendar).getByText('FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO').tagName).toBe('CODE');
    const meter = screen.getByRole('group', { name: 'Meter rule' });
    expect(within(meter).getByRole('textbox', { name: /^Meter/ })).toBeTruthy();
    expect(within(meter).getByRole('textbox', { name: /^Every \(meter units\)/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Open days ahead/ })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Asset models/ })).toBeTruthy();
  });

  it('says on the calendar group that a plan needs a rule', async () => {
    await startApi();
    renderDesk({ path: '/app/md/maintenance-plans/new', session: testSession('admin', { role: 'admin' }) });
    await screen.findByRole('heading', { level: 1, name: 'New Maintenance plan' });
    fireEvent.change(screen.getByRole('textbox', { name: /^Code/ }), { target: { value: 'PM-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const calendar = screen.getByRole('group', { name: 'Calendar rule' });
    expect((await within(calendar).findByRole('alert')).textContent).toBe(
      'Give a calendar rule, a meter rule, or both',
    );
  });

  it('speaks Italian, in the Catalogue of the navigation', async () => {
    await startApi();
    renderDesk({
      path: '/app/md/maintenance-plans/new',
      session: testSession('admin', { role: 'admin' }),
      language: 'it',
    });
    expect(await screen.findByRole('heading', { level: 1, name: /Piano di manutenzione/ })).toBeTruthy();
    const rrule = screen.getByRole('textbox', { name: /^Regola di ricorrenza \(RRULE\)/ });
    expect(describedBy(rrule)).toContain('ogni 6 mesi il primo lunedì');
    expect(screen.getByRole('group', { name: 'Regola a contatore' })).toBeTruthy();
    const nav = await screen.findByRole('navigation', { name: 'Navigazione principale' });
    const catalogue = await within(nav).findByRole('group', { name: 'Catalogo' });
    expect(within(catalogue).getByRole('link', { name: 'Piani di manutenzione' })).toBeTruthy();
  });
});
