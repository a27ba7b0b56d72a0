import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { testSession } from '../../auth/testing/test-session';

const USERS = [
  {
    _id: 'user-admin',
    username: 'admin',
    profile: { displayName: 'Administrator', role: 'admin', binding: {}, language: 'en' },
    status: 'active',
    lockedUntil: null,
    lastLoginAt: '2026-11-20T08:00:00Z',
    version: 3,
  },
  {
    _id: 'user-lucia',
    username: 'lucia',
    profile: {
      displayName: 'Lucia Bianchi',
      role: 'dispatcher',
      binding: { unitCode: 'MI' },
      language: 'it',
    },
    status: 'active',
    lockedUntil: '2999-01-01T00:00:00Z',
    lastLoginAt: null,
    version: 2,
  },
];

let stub: HttpStub | undefined;
const server = stubApiEachTest();

async function startApi() {
  stub = await server.serve((request, response) => {
    if (request.url === '/api/users' && request.method === 'GET') return sendJson(response, 200, USERS);
    if (request.url === '/api/users' && request.method === 'POST') {
      return sendJson(
        response,
        400,
        {
          title: 'Invalid request',
          status: 400,
          errors: [
            { field: 'binding.unitCode', message: 'Say which unit this user works for', code: 'custom' },
          ],
        },
        'application/problem+json',
      );
    }
    if (request.url === '/api/api-keys' && request.method === 'POST') {
      return sendJson(response, 201, { keyId: 'k1', apiKey: 'fsk_k1.secret-shown-once', key: {} });
    }
    if (request.url.startsWith('/api/users/') && request.method === 'POST') {
      response.writeHead(204);
      return response.end();
    }
    return sendJson(response, 200, []);
  });
  return stub;
}

describe('users admin', () => {
  it('lists accounts with role, binding, lock and last sign-in; unlocks from the row menu', async () => {
    const api = await startApi();
    renderDesk({ path: '/app/users', session: testSession('admin', { role: 'admin' }) });
    const table = await screen.findByRole('table', { name: 'Users' });
    const lucia = await within(table).findByText('Lucia Bianchi');
    const row = lucia.closest('tr') as HTMLElement;
    expect(within(row).getByText('Dispatcher')).toBeTruthy();
    expect(within(row).getByText('MI')).toBeTruthy();
    expect(within(row).getByText('Locked')).toBeTruthy();
    expect(within(row).getByText('Never')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Actions for lucia' }));
    await act(async () => fireEvent.click(await screen.findByRole('menuitem', { name: 'Unlock' })));
    await waitFor(() =>
      expect(api.requests.some((r) => r.method === 'POST' && r.url === '/api/users/user-lucia/unlock')).toBe(
        true,
      ),
    );
  });

  it('shows the binding error of a new dispatcher on the unit field', async () => {
    const api = await startApi();
    renderDesk({ path: '/app/users', session: testSession('admin', { role: 'admin' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'marta' },
    });
    fireEvent.change(screen.getByLabelText(/^Password/, { selector: 'input' }), {
      target: { value: 'long enough password' },
    });
    fireEvent.change(screen.getByLabelText(/^Display name/, { selector: 'input' }), {
      target: { value: 'Marta' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create' })));
    // The stub's refusal travels and renders: on a loaded CI machine that can take more than 1 s.
    expect(
      await screen.findByText('Say which unit this user works for', {}, { timeout: 5_000 }),
    ).toBeTruthy();
    const body = JSON.parse(
      api.requests.find((r) => r.method === 'POST' && r.url === '/api/users')?.body ?? '{}',
    );
    expect(body).toEqual({
      username: 'marta',
      password: 'long enough password',
      displayName: 'Marta',
      role: 'dispatcher',
      binding: {},
      language: 'it',
    });
  }, 15_000);

  it('issues an API key and shows it once', async () => {
    await startApi();
    renderDesk({ path: '/app/users', session: testSession('admin', { role: 'admin' }) });
    fireEvent.click(await screen.findByRole('tab', { name: 'API keys' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Issue a key' }));
    fireEvent.change(await screen.findByLabelText(/^Name/, { selector: 'input' }), {
      target: { value: 'ERP sync' },
    });
    await act(async () =>
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Issue a key' })),
    );
    expect((await screen.findByTestId('issued-key')).textContent).toBe('fsk_k1.secret-shown-once');
    expect(screen.getByRole('button', { name: 'Copy key' })).toBeTruthy();
  });

  it('is read-only for auditors', async () => {
    await startApi();
    renderDesk({ path: '/app/users', session: testSession('eva', { role: 'auditor' }) });
    await screen.findByText('Lucia Bianchi');
    expect(screen.queryByRole('button', { name: 'New user' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Actions for lucia' })).toBeNull();
  });
});
