import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { renderServiceRequests } from '../testing/render-service-requests';
import { requestDetailOf } from '../testing/request-detail-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'eeeeeeee-0000-4000-8000-000000000005';

/**
 * An accepted request that may be suspended; the organisation's parameters when the reader may
 * read them (`undefined`: refused, as to a role without access).
 */
async function startApi(parameters: Record<string, unknown> | undefined): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === `/api/service-requests/${ID}/suspend`)
      return sendJson(response, 200, requestDetailOf(ID, { status: 'suspended', version: 4 }));
    if (url.pathname === `/api/service-requests/${ID}`)
      return sendJson(response, 200, requestDetailOf(ID, { status: 'accepted', version: 3 }));
    if (url.pathname === `/api/service-requests/${ID}/timeline`) return sendJson(response, 200, []);
    if (url.pathname === '/api/master-data/parameters/organisation')
      return parameters
        ? sendJson(response, 200, {
            code: 'organisation',
            kind: 'parameters',
            status: 'active',
            version: 2,
            record: parameters,
          })
        : sendJson(response, 403, { status: 403, title: 'Forbidden' }, 'application/problem+json');
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const suspensions = (stub: HttpStub) =>
  stub.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/suspend'));

async function openSuspendDialog(name = 'Suspend', title = 'Suspend the request') {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog', { name: title });
}

const optionNames = async () => (await screen.findAllByRole('option')).map((option) => option.textContent);

describe('suspending with a reason', () => {
  it('offers the default reasons in the reader’s language when the parameters cannot be read, and sends the code chosen', async () => {
    const stub = await startApi(undefined);
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const dialog = await openSuspendDialog();
    const cause = within(dialog).getByRole('combobox', { name: 'Cause (optional)' });
    expect(within(dialog).getByText(/says which causes pause its service-level clocks/)).toBeTruthy();
    fireEvent.click(cause);
    await waitFor(async () =>
      expect(await optionNames()).toEqual([
        'Waiting for the customer',
        'Waiting for parts',
        'No access to the site',
        'Other',
      ]),
    );
    fireEvent.click(screen.getByRole('option', { name: 'Waiting for the customer' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Reason/ }), {
      target: { value: 'Customer away until Monday' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(suspensions(stub)).toHaveLength(1));
    expect(JSON.parse(suspensions(stub)[0]?.body ?? '{}')).toEqual({
      reason: 'Customer away until Monday',
      reasonCode: 'waiting-customer',
    });
    expect(suspensions(stub)[0]?.headers['if-match']).toBe('"3"');
  });

  it('lists the organisation’s own reasons, a default one still said in Italian, and sends none when none is chosen', async () => {
    const stub = await startApi({
      name: 'Organisation parameters',
      suspensionReasons: [
        { code: 'waiting-customer', label: 'Waiting for the customer' },
        { code: 'permit', label: 'Permesso comunale in attesa' },
      ],
    });
    renderServiceRequests({ path: `/app/requests/${ID}`, language: 'it' });
    const dialog = await openSuspendDialog('Sospendi', 'Sospendi la richiesta');
    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Causale (facoltativa)' }));
    await waitFor(async () =>
      expect(await optionNames()).toEqual(['In attesa del cliente', 'Permesso comunale in attesa']),
    );
    fireEvent.keyDown(within(dialog).getByRole('combobox', { name: 'Causale (facoltativa)' }), {
      key: 'Escape',
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Motivo/ }), {
      target: { value: 'Ricambio ordinato' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sospendi' }));
    await waitFor(() => expect(suspensions(stub)).toHaveLength(1));
    expect(JSON.parse(suspensions(stub)[0]?.body ?? '{}')).toEqual({ reason: 'Ricambio ordinato' });
  });
});
