import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { LANGUAGE_STORAGE_KEY } from '../../../app/i18n/language-storage-key';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, startHttpStub, type HttpStub } from '../../../testing/start-http-stub';
import { SESSION_STORAGE_KEY } from '../api/session-storage';

function field(name: RegExp): HTMLInputElement {
  return screen.getByLabelText(name, { selector: 'input' });
}

function submit() {
  fireEvent.click(screen.getByRole('button', { name: /^(Sign in|Accedi)$/ }));
}

const LOGIN_RESPONSE = {
  token: 'tok-123',
  expiresAt: '2099-01-01T08:00:00.000Z',
  user: {
    id: 'user-anna',
    username: 'anna',
    displayName: 'Anna Rossi',
    role: 'dispatcher',
    binding: { unitCode: 'MI' },
    language: 'it',
  },
};

let stub: HttpStub | undefined;
const server = stubApiEachTest();

describe('login page', () => {
  it('names each empty field in English, marks it invalid and focuses the first', async () => {
    renderDesk({ path: '/login', language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    submit();
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(field(/^Username/).getAttribute('aria-invalid')).toBe('true');
    expect(field(/^Password/).getAttribute('aria-invalid')).toBe('true');
    const describedBy = field(/^Password/).getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Enter your password.');
    expect(document.activeElement).toBe(field(/^Username/));
  });

  it('validates in Italian too, and a fixed field clears as the user types', async () => {
    renderDesk({ path: '/login', language: 'it' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeTruthy();
    fireEvent.change(field(/^Nome utente/), { target: { value: 'anna' } });
    submit();
    expect(await screen.findByText('Inserisci la password.')).toBeTruthy();
    expect(screen.queryByText('Inserisci il nome utente.')).toBeNull();
    expect(document.activeElement).toBe(field(/^Password/));
    fireEvent.change(field(/^Password/), { target: { value: 'x' } });
    await waitFor(() => expect(screen.queryByText('Inserisci la password.')).toBeNull());
  });

  it('rejects an over-long username with its limit, before anything is sent', async () => {
    stub = await server.serve((_request, response) => sendJson(response, 200, LOGIN_RESPONSE));
    renderDesk({ path: '/login' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'u'.repeat(101) },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    submit();
    expect(await screen.findByText('The username can be at most 100 characters long.')).toBeTruthy();
    expect(stub.requests).toHaveLength(0);
  });

  it('switches language from the switcher: labels, shown messages, <html lang> and the stored choice', async () => {
    renderDesk({ path: '/login', language: 'en' });
    submit();
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('radio', { name: 'Italiano' }));

    expect(await screen.findByText('Inserisci il nome utente.')).toBeTruthy();
    expect(screen.getByText('Inserisci la password.')).toBeTruthy();
    expect(field(/^Nome utente/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('it');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('it');
    expect(document.title).toBe('Accesso · Fieldstream');
    expect((screen.getByRole('radio', { name: 'Italiano' }) as HTMLInputElement).checked).toBe(true);
  });

  it('posts the contract body and shows a 501 problem politely, with the server status line, and focuses it', async () => {
    stub = await server.serve((_request, response) =>
      sendJson(
        response,
        501,
        {
          type: 'about:blank',
          title: 'Not Implemented',
          status: 501,
          detail: 'Authentication is not built yet',
        },
        'application/problem+json',
      ),
    );
    renderDesk({ path: '/login' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: '  anna  ' },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in is not available yet');
    expect(alert.textContent).toContain(
      'Server answer: 501 Not Implemented — Authentication is not built yet',
    );
    expect(alert.getAttribute('data-problem-kind')).toBe('server');
    await waitFor(() => expect(document.activeElement).toBe(alert));

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/auth/login');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ username: 'anna', password: 'secret' });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('shows a 404 without a problem body as "not available" too, not as a crash', async () => {
    stub = await server.serve((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<pre>Cannot POST /api/auth/login</pre>');
    });
    renderDesk({ path: '/login' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'anna' },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in is not available yet');
    expect(alert.textContent).toContain('404 Not Found');
  });

  it('puts the server field-level details under the fields they name', async () => {
    stub = await server.serve((_request, response) =>
      sendJson(
        response,
        422,
        {
          type: 'https://fieldstream.dev/problems/validation',
          title: 'Invalid request',
          status: 422,
          errors: [{ pointer: '#/username', detail: 'username must not contain spaces' }],
        },
        'application/problem+json',
      ),
    );
    renderDesk({ path: '/login' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'a b' },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    submit();
    expect(await screen.findByText('username must not contain spaces')).toBeTruthy();
    expect(field(/^Username/).getAttribute('aria-invalid')).toBe('true');
    expect((await screen.findByRole('alert')).textContent).toContain('422 Invalid request');
  });

  it('tells a network failure apart from a server answer', async () => {
    const gone = await startHttpStub((_request, response) => sendJson(response, 200, {}));
    await gone.stop();
    server.routeTo(gone.url);
    renderDesk({ path: '/login' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'anna' },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-problem-kind')).toBe('network');
    expect(alert.textContent).toContain('The server cannot be reached');
    expect(alert.textContent).not.toContain('Server answer');
  });

  it('signs in on success, keeps the token for the tab and opens the app frame', async () => {
    stub = await server.serve((request, response) => {
      if (request.url === '/api/auth/login') return sendJson(response, 200, LOGIN_RESPONSE);
      return sendJson(response, 200, []);
    });
    const { router } = renderDesk({ path: '/app' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'anna' },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    await act(async () => submit());
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Anna Rossi' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/app');
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toEqual(LOGIN_RESPONSE);
    // Later calls carry the token.
    await waitFor(() =>
      expect(stub?.requests.find((r) => r.url === '/api/master-data')?.headers['authorization']).toBe(
        'Bearer tok-123',
      ),
    );
  });

  it('treats a 200 without a token as a version skew, not as a session', async () => {
    stub = await server.serve((_request, response) => sendJson(response, 200, { ok: true }));
    renderDesk({ path: '/login' });
    fireEvent.change(await screen.findByLabelText(/^Username/, { selector: 'input' }), {
      target: { value: 'anna' },
    });
    fireEvent.change(field(/^Password/), { target: { value: 'secret' } });
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('does not understand');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
