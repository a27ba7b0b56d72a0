import type { InterventionSheet } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { renderTechnician } from '../testing/render-technician';
import { sheetOf } from '../testing/sheet-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

type Answer = (request: RecordedRequest, response: ServerResponse) => void;

const recorded: Answer = (_request, response) =>
  sendJson(response, 201, { assetCode: 'SN-ACME-1', recorded: true });

/** As the API refuses a reading below the meter's last one. */
const goesBack: Answer = (_request, response) =>
  sendJson(
    response,
    409,
    {
      type: '/problems/domain-rule',
      title: 'Conflict',
      status: 409,
      code: 'reading_goes_back',
      detail: 'The operating-hours meter read 1300 at 2026-11-20T08:00:00.000Z; 1250 would go back',
      details: { field: 'value', last: { value: 1300, at: '2026-11-20T08:00:00.000Z' } },
    },
    'application/problem+json',
  );

/** The sheet of R1 (with machine SN-ACME-1 unless told) and its meter readings answered by `reading`. */
async function startApi(reading: Answer = recorded, sheet: InterventionSheet = sheetOf()) {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/service-requests/R1/sheet') return sendJson(response, 200, sheet);
    if (url.pathname === '/api/assets/SN-ACME-1/meter-readings' && request.method === 'POST')
      return reading(request, response);
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const readings = (stub: HttpStub) => stub.requests.filter((r) => r.url.endsWith('/meter-readings'));

async function openDialog(session?: Parameters<typeof renderTechnician>[0]['session']) {
  const view = renderTechnician({ path: '/app/my/requests/R1', ...(session ? { session } : {}) });
  const machine = await screen.findByRole('region', { name: 'Machine' });
  fireEvent.click(within(machine).getByRole('button', { name: 'Record a meter reading' }));
  const dialog = await screen.findByRole('dialog', { name: 'Meter reading of SN-ACME-1' });
  return { ...view, dialog };
}

function fill(dialog: HTMLElement, meter: string, value: string) {
  fireEvent.change(within(dialog).getByRole('textbox', { name: /^Meter/ }), { target: { value: meter } });
  fireEvent.change(within(dialog).getByRole('textbox', { name: /^Reading/ }), { target: { value } });
}

describe('recording a meter reading from the intervention sheet', () => {
  it('records the reading now (no time sent) and says so under the machine', async () => {
    const stub = await startApi();
    const { dialog } = await openDialog();
    fill(dialog, ' operating-hours ', '1250');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record reading' }));

    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Machine' })).getByText(
          'Reading recorded: operating-hours 1,250.',
        ),
      ).toBeTruthy(),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [post] = readings(stub);
    expect(post?.method).toBe('POST');
    expect(post?.headers['authorization']).toBe('Bearer token-of-tech.mi');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ meter: 'operating-hours', value: 1250 });
  });

  it('asks for the meter and the value before sending anything', async () => {
    const stub = await startApi();
    const { dialog } = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record reading' }));
    expect(await within(dialog).findAllByText('Required')).toHaveLength(2);
    expect(readings(stub)).toHaveLength(0);
  });

  it('says clearly, on a 409, that the meter cannot go back and what it last read', async () => {
    const stub = await startApi(goesBack);
    const { dialog } = await openDialog();
    fill(dialog, 'operating-hours', '1250');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record reading' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.getAttribute('data-problem')).toBe('reading-goes-back');
    expect(alert.textContent).toContain('The meter cannot go back');
    expect(alert.textContent).toContain('The last reading of operating-hours is 1,300');
    // Not the request's "changed meanwhile": nothing about the request was in the way.
    expect(within(dialog).queryByText('The request changed meanwhile')).toBeNull();
    const value = within(dialog).getByRole('textbox', { name: /^Reading/ });
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Below the last reading')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(await axeViolations(dialog)).toEqual([]);
    expect(readings(stub)).toHaveLength(1);
    // The dialog stays open with what was typed, to correct it.
    expect((value as HTMLInputElement).value).toBe('1250');
  });

  it('speaks Italian', async () => {
    await startApi(goesBack);
    renderTechnician({ path: '/app/my/requests/R1', language: 'it' });
    fireEvent.click(await screen.findByRole('button', { name: 'Registra una lettura del contatore' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lettura del contatore di SN-ACME-1' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Contatore/ }), {
      target: { value: 'operating-hours' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Lettura/ }), {
      target: { value: '1250' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registra la lettura' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Il contatore non può tornare indietro',
    );
  });

  it('is offered to the desk acting for a technician, not to a manager, and not without a machine', async () => {
    await startApi();
    const dispatcher = renderTechnician({
      path: '/app/my/requests/R1',
      session: testSession('disp.mi', { role: 'dispatcher', binding: { unitCode: 'MI' } }),
    });
    expect(await screen.findByRole('button', { name: 'Record a meter reading' })).toBeTruthy();
    dispatcher.unmount();

    const manager = renderTechnician({
      path: '/app/my/requests/R1',
      session: testSession('mgr', { role: 'manager' }),
    });
    await screen.findByRole('region', { name: 'Machine' });
    expect(screen.queryByRole('button', { name: 'Record a meter reading' })).toBeNull();
    manager.unmount();

    const withoutAsset = sheetOf();
    delete withoutAsset.asset;
    await startApi(recorded, withoutAsset);
    renderTechnician({ path: '/app/my/requests/R1' });
    await screen.findByRole('heading', { name: 'Request SR-R1', level: 1 });
    expect(screen.queryByRole('region', { name: 'Machine' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record a meter reading' })).toBeNull();
  });
});
