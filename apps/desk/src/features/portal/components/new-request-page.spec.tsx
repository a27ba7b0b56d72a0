import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { nodeFile, sendNodeFormData } from '../testing/node-form-data';
import { ASSETS, detailOf } from '../testing/portal-answers';
import { renderPortal } from '../testing/render-portal';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();
sendNodeFormData();

const OPENED = detailOf('eeeeeeee-0000-4000-8000-000000000005', { stage: 'received', status: 'open' });

/** The multipart form's text fields, as the server reads them. */
function formFields(request: RecordedRequest): Record<string, string> {
  const boundary = /boundary=(.+)$/.exec(String(request.headers['content-type']))?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const part of request.body.split(`--${boundary}`)) {
    const match =
      /name="([^"]+)"(; filename="([^"]*)")?\r\n(?:Content-Type: [^\r]*\r\n)?\r\n([\s\S]*)\r\n$/.exec(part);
    if (match) fields[match[1]!] = match[3] !== undefined ? `file:${match[3]}` : match[4]!;
  }
  return fields;
}

/** The customer's book and conditions; an opening answers `refusal` if set, else the new request. */
function startApi(refusal?: { field: string; code: string; message: string }): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/portal/assets') return sendJson(response, 200, ASSETS);
    if (url.pathname === '/api/portal/assets/SN-ACME-1/conditions')
      return sendJson(response, 200, {
        conditions: [
          { code: 'E04', name: 'Ignition failure (E04)' },
          { code: 'LEAK', name: 'Water leak' },
        ],
      });
    if (url.pathname === '/api/portal/requests' && request.method === 'POST') {
      if (refusal)
        return sendJson(
          response,
          400,
          { type: '/problems/validation', title: 'Invalid request', status: 400, errors: [refusal] },
          'application/problem+json',
        );
      return sendJson(response, 201, OPENED);
    }
    if (url.pathname === `/api/portal/requests/${OPENED.id}`) return sendJson(response, 200, OPENED);
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const combobox = (name: RegExp) => screen.getByRole('combobox', { name });

describe('a new request from the portal', () => {
  it('opens from a machine’s QR link with its site and machine chosen, offers its model’s problems, and sends one form with the photo', async () => {
    const stub = await startApi();
    const { container, router } = renderPortal({ path: '/app/portal/new?asset=SN-ACME-1' });
    await waitFor(() =>
      expect((combobox(/^Equipment/) as HTMLInputElement).value).toBe('Boiler hall A (SN-ACME-1)'),
    );
    expect((combobox(/^Site/) as HTMLInputElement).value).toBe('ACME Milano — Via Torino 1, 20123 Milano');

    fireEvent.change(screen.getByRole('textbox', { name: /^What is wrong\?/ }), {
      target: { value: 'E04 again this morning' },
    });
    fireEvent.click(combobox(/^What the equipment shows/));
    fireEvent.click(await screen.findByRole('option', { name: 'Ignition failure (E04)' }));
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    expect([input.getAttribute('accept'), input.getAttribute('capture')]).toEqual(['image/*', 'environment']);
    fireEvent.change(input, {
      target: { files: [nodeFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'display.jpg', 'image/jpeg')] },
    });
    expect(await screen.findByTestId('photo-preview')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/portal/requests/${OPENED.id}`));
    const sent = stub.requests.find((r) => r.method === 'POST')!;
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(formFields(sent)).toEqual({
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      description: 'E04 again this morning',
      conditionCode: 'E04',
      photo: 'file:display.jpg',
    });
  });

  it('asks for what is missing before sending anything', async () => {
    const stub = await startApi();
    renderPortal({ path: '/app/portal/new' });
    await screen.findByRole('combobox', { name: /^Site/ });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(stub.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows the server’s refusal on the field, in the customer’s words', async () => {
    await startApi({ field: 'photo', code: 'not_a_photo', message: 'scan.pdf is not a photo' });
    renderPortal({ path: '/app/portal/new?asset=SN-ACME-1', language: 'it' });
    await waitFor(() => expect((combobox(/^Impianto/) as HTMLInputElement).value).toContain('SN-ACME-1'));
    fireEvent.change(screen.getByRole('textbox', { name: /^Cosa non va\?/ }), {
      target: { value: 'Perde acqua' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Invia la richiesta' }));
    const photoGroup = screen.getByRole('group', { name: 'Foto (facoltativa)' });
    expect((await within(photoGroup).findByRole('alert')).textContent).toBe(
      'Questo file non è una foto: scegliete un’immagine JPEG, PNG o HEIC.',
    );
    expect(screen.getByText('Controllate i campi segnalati qui sotto.')).toBeTruthy();
  });

  it('says so when the QR link names equipment that is not theirs', async () => {
    await startApi();
    renderPortal({ path: '/app/portal/new?asset=SN-BETA-1' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'SN-BETA-1 is not among your equipment: choose it from the list.',
    );
    expect((combobox(/^Equipment/) as HTMLInputElement).value).toBe('');
  });
});
