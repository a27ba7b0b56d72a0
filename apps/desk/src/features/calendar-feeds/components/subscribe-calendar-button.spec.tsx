import type { CalendarFeedView, CalendarFeedWithUrl } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testSession } from '../../auth/testing/test-session';
import { axeViolations } from '../../../testing/axe-violations';
import { renderScreen } from '../../../testing/render-screen';
import { type HttpStub, sendJson } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { SubscribeCalendarButton } from './subscribe-calendar-button';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const PATH = '/api/me/calendar-feeds';
const URL_ONE =
  'https://fieldstream.example.com/api/calendar-feeds/fscal_11111111-2222-4333-8444-555555555555_first.ics';
const URL_TWO =
  'https://fieldstream.example.com/api/calendar-feeds/fscal_11111111-2222-4333-8444-555555555555_second.ics';
const rossi = testSession('tech.mi', { role: 'technician', binding: { technicianCode: 'T-MI-1' } });

/** The user's feeds as the API keeps them: made by POST, renewed, revoked by DELETE. */
function startApi(): Promise<HttpStub> {
  let feeds: CalendarFeedView[] = [];
  const withUrl = (feed: CalendarFeedView, url: string): CalendarFeedWithUrl => ({
    ...feed,
    url,
    webcalUrl: url.replace(/^https:/, 'webcal:'),
  });
  return server.serve((request, response) => {
    const list = () => ({ feeds, maxFeeds: 20, window: { pastDays: 30, futureDays: 90 } });
    if (request.url === PATH && request.method === 'GET') return sendJson(response, 200, list());
    if (request.url === PATH && request.method === 'POST') {
      const body = JSON.parse(request.body) as { name: string; scope: { kind: 'technician'; code: string } };
      if (body.name.trim() === '')
        return sendJson(
          response,
          400,
          {
            status: 400,
            title: 'Invalid request',
            errors: [{ field: 'name', message: 'Give the feed a name' }],
          },
          'application/problem+json',
        );
      const feed: CalendarFeedView = {
        id: 'feed-1',
        name: body.name,
        scope: { ...body.scope, name: 'Mario Rossi' },
        ownerId: 'user-tech.mi',
        ownerName: 'Mario Rossi',
        status: 'active',
        createdAt: '2026-11-27T09:00:00.000Z',
        urlIssuedAt: '2026-11-27T09:00:00.000Z',
        lastFetchedAt: null,
        lastFetchedBy: null,
        revokedAt: null,
      };
      feeds = [feed];
      return sendJson(response, 201, withUrl(feed, URL_ONE));
    }
    if (request.url === `${PATH}/feed-1/regenerate` && request.method === 'POST') {
      feeds = feeds.map((feed) => ({
        ...feed,
        lastFetchedAt: '2026-11-27T10:00:00.000Z',
        lastFetchedBy: 'iOS/18.1',
      }));
      return sendJson(response, 200, withUrl(feeds[0]!, URL_TWO));
    }
    if (request.url === `${PATH}/feed-1` && request.method === 'DELETE') {
      feeds = [];
      response.writeHead(204).end();
      return;
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const sent = (stub: HttpStub, method: string) =>
  stub.requests.filter((r) => r.method === method).map((r) => `${r.url} ${r.body}`.trim());

describe('subscribe in your calendar', () => {
  it('makes a private address for the agenda, shows it once with its webcal twin and the how-to', async () => {
    const stub = await startApi();
    renderScreen(
      <SubscribeCalendarButton scope={{ kind: 'technician', code: 'T-MI-1', name: 'Mario Rossi' }} />,
      {
        session: rossi,
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe in your calendar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Subscribe in your calendar' });
    expect(within(dialog).getByText(/from 30 days back to 90 days ahead/)).toBeTruthy();
    expect(await within(dialog).findByText('None yet.')).toBeTruthy();
    const name = within(dialog).getByRole('textbox', { name: /^Name/ }) as HTMLInputElement;
    expect(name.value).toBe('Fieldstream, Mario Rossi');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the address' }));
    const url = (await within(dialog).findByRole('textbox', {
      name: 'Calendar address',
    })) as HTMLInputElement;
    expect(url.value).toBe(URL_ONE);
    expect(sent(stub, 'POST')).toEqual([
      `${PATH} {"name":"Fieldstream, Mario Rossi","scope":{"kind":"technician","code":"T-MI-1"}}`,
    ]);
    expect(within(dialog).getByText(/it is shown only this once/)).toBeTruthy();
    expect(
      within(dialog).getByRole('link', { name: 'Open in Apple Calendar or Outlook' }).getAttribute('href'),
    ).toBe(URL_ONE.replace('https:', 'webcal:'));
    for (const app of ['Google Calendar (Android phones too)', 'iPhone, iPad and Mac', 'Outlook'])
      expect(within(dialog).getByRole('button', { name: app })).toBeTruthy();
    expect(await within(dialog).findByText('Not fetched by any calendar yet', { exact: false })).toBeTruthy();
    expect(await axeViolations(dialog)).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have added it' }));
    expect(within(dialog).queryByRole('textbox', { name: 'Calendar address' })).toBeNull();
  });

  it('names the field the server refused', async () => {
    await startApi();
    renderScreen(<SubscribeCalendarButton scope={{ kind: 'technician', code: 'T-MI-1' }} />, {
      session: rossi,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe in your calendar' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), { target: { value: ' ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the address' }));
    expect(await within(dialog).findByText('Give the feed a name')).toBeTruthy();
  });

  it('renews and revokes an address, each after asking', async () => {
    const stub = await startApi();
    renderScreen(
      <SubscribeCalendarButton scope={{ kind: 'technician', code: 'T-MI-1', name: 'Mario Rossi' }} />,
      {
        session: rossi,
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe in your calendar' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the address' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'I have added it' }));

    fireEvent.click(
      await within(dialog).findByRole('button', { name: 'New address for “Fieldstream, Mario Rossi”' }),
    );
    expect(within(dialog).getByText(/stop receiving updates: subscribe them again/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'New address' }));
    const url = (await within(dialog).findByRole('textbox', {
      name: 'Calendar address',
    })) as HTMLInputElement;
    expect(url.value).toBe(URL_TWO);
    expect(await within(dialog).findByText(/by iOS\/18\.1/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke “Fieldstream, Mario Rossi”' }));
    expect(within(dialog).getByText(/Its address stops working at once/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByText('“Fieldstream, Mario Rossi” was revoked.')).toBeTruthy();
    await waitFor(() => expect(within(dialog).getByText('None yet.')).toBeTruthy());
    expect(sent(stub, 'DELETE')).toEqual([`${PATH}/feed-1`]);
  });

  it('is not offered to those with no agenda to follow', () => {
    renderScreen(<SubscribeCalendarButton scope={{ kind: 'technician', code: 'T-MI-1' }} />, {
      session: testSession('audit', { role: 'auditor' }),
    });
    expect(screen.queryByRole('button', { name: 'Subscribe in your calendar' })).toBeNull();
  });
});
