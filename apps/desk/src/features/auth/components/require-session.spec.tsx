import { rememberedPushDevice } from '../../notifications/push/remembered-push-device';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import type { StubbedApi } from '../../../testing/stub-api-each-test';
import { SESSION_STORAGE_KEY, writeStoredSession } from '../api/session-storage';
import { testSession } from '../testing/test-session';

let stub: HttpStub | undefined;
const server = stubApiEachTest();

/** The API as the frame needs it: the kinds for the navigation, and logout. */
async function startApi(handle?: Parameters<StubbedApi['serve']>[0]) {
  stub = await server.serve(
    handle ??
      ((request, response) => {
        if (request.url === '/api/auth/logout') {
          response.writeHead(204);
          return response.end();
        }
        return sendJson(response, 200, []);
      }),
  );
  return stub;
}

describe('route guard', () => {
  it('sends a visitor without a session from / to /login', async () => {
    const { router } = renderDesk({ path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('sends /app without a session to /login, remembering where the user was going', async () => {
    const { router } = renderDesk({ path: '/app/somewhere?x=1' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/app/somewhere?x=1' });
  });

  it('lets a session in to the app frame, with its landmarks and skip link', async () => {
    await startApi();
    const { router } = renderDesk({ path: '/', session: testSession('marco') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, marco' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/app');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe(
      '#main-content',
    );
  });

  it('restores the session of this tab from sessionStorage after a reload', async () => {
    await startApi();
    writeStoredSession(testSession('lucia'));
    renderDesk({ path: '/app', session: undefined });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, lucia' })).toBeTruthy();
  });

  it('drops a session stored by an older desk (no user) instead of guessing', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: 't', username: 'old' }));
    renderDesk({ path: '/app', session: undefined });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
  });

  it('sends a signed-in user away from /login to the app', async () => {
    await startApi();
    const { router } = renderDesk({ path: '/login', session: testSession('marco') });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, marco' });
    expect(router.state.location.pathname).toBe('/app');
  });

  it('signs out from the user menu: the server session ends, token gone, back at /login', async () => {
    const api = await startApi();
    writeStoredSession(testSession('marco'));
    const { router } = renderDesk({ path: '/app', session: undefined });
    fireEvent.click(await screen.findByRole('button', { name: 'User menu for marco' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    const logout = api.requests.find((request) => request.url === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers['authorization']).toBe('Bearer token-of-marco');
  });

  it('stops this browser receiving the user’s push notifications before signing out', async () => {
    const api = await startApi((request, response) => {
      response.writeHead(204);
      response.end();
    });
    rememberedPushDevice.write('user-marco', { endpoint: 'https://push.example/abc', deviceId: 'device-1' });
    writeStoredSession(testSession('marco'));
    const { router } = renderDesk({ path: '/app', session: undefined });
    fireEvent.click(await screen.findByRole('button', { name: 'User menu for marco' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const calls = api.requests.map((request) => `${request.method} ${request.url}`);
    expect(calls).toContain('DELETE /api/me/push-devices/device-1');
    expect(calls.indexOf('DELETE /api/me/push-devices/device-1')).toBeLessThan(
      calls.indexOf('POST /api/auth/logout'),
    );
    expect(rememberedPushDevice.read('user-marco')).toBeNull();
  });

  it('returns to the login page with a message when a call is answered 401', async () => {
    await startApi((_request, response) =>
      sendJson(
        response,
        401,
        { title: 'Unauthorized', status: 401, code: 'session_expired' },
        'application/problem+json',
      ),
    );
    const { router } = renderDesk({ path: '/app/md/customers', session: testSession('marco') });
    expect(await screen.findByText('Your session has ended')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/app/md/customers' });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it("writes today's date through Intl in the active language", async () => {
    await startApi();
    renderDesk({ path: '/app', language: 'it', session: testSession('marco') });
    const expected = new Intl.DateTimeFormat('it', { dateStyle: 'full' }).format(new Date());
    expect((await screen.findByText(/^Oggi è/)).textContent).toBe(`Oggi è ${expected}.`);
  });
});
