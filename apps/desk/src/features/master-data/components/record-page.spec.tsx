import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendAnswer, sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { testSession } from '../../auth/testing/test-session';

const KINDS = [
  {
    kind: 'customer',
    plural: 'customers',
    read: 'all',
    write: 'all',
    columns: ['name', 'vatNumber', 'phone'],
  },
  { kind: 'skill', plural: 'skills', read: 'all', write: 'none', columns: ['name', 'certified'] },
];

const customer = (version: number, name: string) => ({
  _id: 'C1',
  kind: 'customer',
  code: 'C1',
  status: 'active',
  record: { name, contacts: [{ name: 'Ada' }], language: 'it' },
  version,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

let stub: HttpStub | undefined;
const server = stubApiEachTest();

async function startApi(onPut: (request: RecordedRequest) => [number, unknown]) {
  let current = customer(3, 'ACME');
  stub = await server.serve((request, response) => {
    if (request.url === '/api/master-data') return sendJson(response, 200, KINDS);
    if (request.url === '/api/master-data/customers/C1' && request.method === 'GET')
      return sendJson(response, 200, current);
    if (request.url === '/api/master-data/customers/C1' && request.method === 'PUT') {
      const [status, body] = onPut(request);
      if (status === 200) current = body as typeof current;
      return sendAnswer(response, status, body);
    }
    if (request.url === '/api/master-data/customers/C1/history') return sendJson(response, 200, []);
    return sendJson(response, 404, { title: 'Not Found', status: 404 }, 'application/problem+json');
  });
  return { bumpVersion: (name: string) => (current = customer(4, name)) };
}

const input = (label: RegExp) =>
  screen.getAllByLabelText(label, { selector: 'input' })[0] as HTMLInputElement;

describe('record page', () => {
  it('shows each 400 field error on its own (nested) field, and saves with If-Match', async () => {
    await startApi(() => [
      400,
      {
        title: 'Invalid request',
        status: 400,
        errors: [
          { field: 'email', message: 'Not an e-mail address', code: 'invalid_format' },
          {
            field: 'contacts.0.phone',
            message: 'A phone number, digits with an optional leading +',
            code: 'invalid_format',
          },
        ],
      },
    ]);
    renderDesk({ path: '/app/md/customers/C1', session: testSession('admin', { role: 'admin' }) });
    await waitFor(() => expect(input(/^Name/).value).toBe('ACME'));
    fireEvent.change(input(/^E-mail/), { target: { value: 'not-an-email' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));

    expect(await screen.findByText('Some fields need attention')).toBeTruthy();
    expect(screen.getByText('Not an e-mail address')).toBeTruthy();
    expect(input(/^E-mail/).getAttribute('aria-invalid')).toBe('true');
    const phone = document.querySelector('input[data-path="contacts.0.phone"]');
    expect(phone?.getAttribute('aria-invalid')).toBe('true');
    const put = stub?.requests.find((request) => request.method === 'PUT');
    expect(put?.headers['if-match']).toBe('"3"');
    expect(JSON.parse(put?.body ?? '{}')).toMatchObject({ name: 'ACME', email: 'not-an-email' });
  });

  it('says the record changed meanwhile on a 409 and reloads the other version on request', async () => {
    const api = await startApi(() => [
      409,
      { title: 'Conflict', status: 409, code: 'wrong_expected_revision', detail: 'expected 3' },
    ]);
    renderDesk({ path: '/app/md/customers/C1', session: testSession('admin', { role: 'admin' }) });
    await waitFor(() => expect(input(/^Name/).value).toBe('ACME'));
    fireEvent.change(input(/^Name/), { target: { value: 'ACME mine' } });
    api.bumpVersion('ACME theirs');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(await screen.findByText('Changed by someone else meanwhile')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reload' })));
    await waitFor(() => expect(input(/^Name/).value).toBe('ACME theirs'));
    expect(screen.queryByText('Changed by someone else meanwhile')).toBeNull();
  });

  it('is read-only for a kind the user may not write', async () => {
    stub = await server.serve((request, response) => {
      if (request.url === '/api/master-data') return sendJson(response, 200, KINDS);
      return sendJson(response, 200, {
        ...customer(1, 'Boiler'),
        kind: 'skill',
        code: 'S1',
        record: { name: 'Boiler', certified: true },
      });
    });
    renderDesk({ path: '/app/md/skills/S1', session: testSession('auditor', { role: 'auditor' }) });
    await waitFor(() => expect(input(/^Name/).value).toBe('Boiler'));
    expect(input(/^Name/).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retire' })).toBeNull();
    expect(screen.getByText('Read-only')).toBeTruthy();
  });
});
