import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { renderServiceRequests } from '../testing/render-service-requests';
import { requestDetailOf } from '../testing/request-detail-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const OPENED = requestDetailOf('dddddddd-0000-4000-8000-000000000004');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const page = (items: { code: string; record: Record<string, unknown> }[]) => ({ items, total: items.length });

/** Master data as the organisation fixture has it; opening answers 400 for a bad e-mail, else 201. */
async function startApi(): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    const where = url.searchParams;
    if (url.pathname === '/api/master-data/customers')
      return sendJson(response, 200, page([{ code: 'ACME', record: { name: 'Acme Spa' } }]));
    if (url.pathname === '/api/master-data/sites')
      return sendJson(
        response,
        200,
        page(
          where.get('customerCode') === 'ACME' ? [{ code: 'S-ACME-1', record: { name: 'Acme Milano' } }] : [],
        ),
      );
    if (url.pathname === '/api/master-data/sites/S-ACME-1')
      return sendJson(response, 200, {
        code: 'S-ACME-1',
        kind: 'site',
        status: 'active',
        version: 1,
        record: {
          name: 'Acme Milano',
          customerCode: 'ACME',
          contacts: [{ name: 'Paola Neri', role: 'facility', phone: '+39 02 1234567', email: 'paola@acme' }],
        },
      });
    if (url.pathname === '/api/master-data/assets')
      return sendJson(
        response,
        200,
        page(where.get('siteCode') === 'S-ACME-1' ? [{ code: 'SN-ACME-1', record: { name: 'Boiler' } }] : []),
      );
    if (url.pathname === '/api/master-data/conditions')
      return sendJson(response, 200, page([{ code: 'E-104', record: { name: 'Burner lockout' } }]));
    if (url.pathname === '/api/service-requests' && request.method === 'POST') {
      const body = JSON.parse(request.body) as { contact?: { email?: string } };
      if (body.contact?.email === 'paola@acme')
        return sendJson(
          response,
          400,
          {
            type: '/problems/validation',
            title: 'Invalid request',
            status: 400,
            errors: [{ field: 'contact.email', message: 'Invalid email address', code: 'invalid_format' }],
          },
          'application/problem+json',
        );
      return sendJson(response, 201, OPENED);
    }
    if (url.pathname === `/api/service-requests/${OPENED.id}`) return sendJson(response, 200, OPENED);
    if (url.pathname === `/api/service-requests/${OPENED.id}/timeline`) return sendJson(response, 200, []);
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const choose = async (label: RegExp, option: string) => {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

const posts = (stub: HttpStub) => stub.requests.filter((r) => r.method === 'POST');

describe('new request', () => {
  it('says what is missing beside each field, narrows sites and assets, and sends the body with an Idempotency-Key', async () => {
    const stub = await startApi();
    const { router } = renderServiceRequests({ path: '/app/requests/new' });
    const form = await screen.findByRole('form', { name: 'New service request' });

    fireEvent.click(within(form).getByRole('button', { name: 'Open request' }));
    expect(await within(form).findAllByText('Required')).toHaveLength(3);
    expect(screen.getByRole('combobox', { name: /^Customer/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: /^Site/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: /^Description/ }).getAttribute('aria-invalid')).toBe('true');
    expect(posts(stub)).toHaveLength(0);

    await choose(/^Customer/, 'ACME · Acme Spa');
    // Only that customer's sites, then only that site's assets.
    await choose(/^Site/, 'S-ACME-1 · Acme Milano');
    expect(
      stub.requests.some(
        (r) => r.url.startsWith('/api/master-data/sites?') && r.url.includes('customerCode=ACME'),
      ),
    ).toBe(true);
    // The site's contact fills the contact fields.
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Paola Neri'),
    );
    expect((screen.getByRole('textbox', { name: 'Phone' }) as HTMLInputElement).value).toBe('+39 02 1234567');
    await choose(/^Asset/, 'SN-ACME-1 · Boiler');
    expect(
      stub.requests.some(
        (r) => r.url.startsWith('/api/master-data/assets?') && r.url.includes('siteCode=S-ACME-1'),
      ),
    ).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /^Description/ }), {
      target: { value: '  Burner locks out every morning  ' },
    });
    await choose(/^Priority/, 'High');
    fireEvent.click(screen.getByRole('combobox', { name: 'Conditions' }));
    fireEvent.click(await screen.findByRole('option', { name: 'E-104 · Burner lockout' }));

    fireEvent.click(within(form).getByRole('button', { name: 'Open request' }));
    // The API's field error, beside the field it names.
    expect(await screen.findByText('Invalid email address')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'E-mail' }).getAttribute('aria-invalid')).toBe('true');
    const [first] = posts(stub);
    expect(JSON.parse(first?.body ?? '{}')).toEqual({
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      description: 'Burner locks out every morning',
      priority: 'high',
      conditionCodes: ['E-104'],
      contact: { name: 'Paola Neri', phone: '+39 02 1234567', email: 'paola@acme' },
    });
    expect(first?.headers['idempotency-key']).toMatch(UUID);
    expect(first?.headers['if-match']).toBeUndefined();

    fireEvent.change(screen.getByRole('textbox', { name: 'E-mail' }), {
      target: { value: 'paola@acme.example' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Open request' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/requests/${OPENED.id}`));
    const second = posts(stub)[1];
    expect(JSON.parse(second?.body ?? '{}')).toMatchObject({ contact: { email: 'paola@acme.example' } });
    // Another submission (the first was refused), another key.
    expect(second?.headers['idempotency-key']).toMatch(UUID);
    expect(second?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
    expect(await screen.findByRole('heading', { name: OPENED.reference })).toBeTruthy();
  });

  it('keeps the Idempotency-Key when the same request is sent again after the connection dropped', async () => {
    let calls = 0;
    const stub = await server.serve((request, response) => {
      const url = new URL(request.url, 'http://stub');
      if (url.pathname === '/api/master-data/customers')
        return sendJson(response, 200, page([{ code: 'ACME', record: { name: 'Acme Spa' } }]));
      if (url.pathname === '/api/master-data/sites')
        return sendJson(response, 200, page([{ code: 'S-ACME-1', record: { name: 'Acme Milano' } }]));
      if (url.pathname === '/api/service-requests' && request.method === 'POST') {
        calls += 1;
        // The first answer never arrives: the outcome is unknown to the desk.
        if (calls === 1) return response.destroy();
        return sendJson(response, 201, OPENED);
      }
      if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, page([]));
      if (url.pathname === `/api/service-requests/${OPENED.id}`) return sendJson(response, 200, OPENED);
      return sendJson(response, 200, []);
    });
    const { router } = renderServiceRequests({ path: '/app/requests/new' });
    await screen.findByRole('form', { name: 'New service request' });
    await choose(/^Customer/, 'ACME · Acme Spa');
    await choose(/^Site/, 'S-ACME-1 · Acme Milano');
    fireEvent.change(screen.getByRole('textbox', { name: /^Description/ }), { target: { value: 'Leak' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open request' }));
    expect(await screen.findByText('The server cannot be reached')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open request' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/requests/${OPENED.id}`));
    const [first, retry] = posts(stub);
    expect(retry?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });
});
