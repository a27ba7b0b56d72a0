import type { ProposalAnswer, TechnicianProposalView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { renderScreen } from '../../../testing/render-screen';
import { sendAnswer, sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { WhatIfDrawer } from './what-if-drawer';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const START = '2026-12-01T09:00:00.000Z';
const proposed = (code: string, name: string, total: number): TechnicianProposalView => ({
  technicianCode: code,
  name,
  status: 'proposed',
  exclusions: [],
  skills: [{ skillCode: 'BOILER', minLevel: 2, heldLevel: 3, verdict: 'met' }],
  zone: 'own',
  materials: { status: 'none', lines: [] },
  slot: { start: START, end: '2026-12-01T11:00:00.000Z', withinDeadline: true },
  alternatives: [{ start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T10:00:00.000Z' }],
  score: { total, criteria: [{ criterion: 'start', value: 120, score: 0.9, weight: 30, points: 27 }] },
});

const answer: ProposalAnswer = {
  job: {
    siteCode: 'S-ACME-1',
    zoneCode: 'Z-MI',
    timeZone: 'Europe/Rome',
    priority: 'high',
    durationMinutes: 120,
    requiredSkills: [
      { skillCode: 'BOILER', minLevel: 1 },
      { skillCode: 'GAS', minLevel: 2 },
    ],
    materials: [],
    notBefore: '2026-12-01T07:00:00.000Z',
    horizonEnd: '2026-12-15T07:00:00.000Z',
  },
  weights: { start: 30, deadline: 25, zone: 15, travel: 10, materials: 10, skills: 5, workload: 5 },
  proposals: [
    proposed('T-MI-1', 'Mario Rossi', 81),
    {
      technicianCode: 'T-MI-3',
      name: 'Anna Bianchi',
      status: 'excluded',
      exclusions: [{ code: 'missing_skill', skillCode: 'GAS', minLevel: 2 }],
      skills: [],
      zone: 'own',
      materials: { status: 'none', lines: [] },
      alternatives: [],
    },
  ],
  crews: [
    {
      members: [
        { technicianCode: 'T-MI-1', name: 'Mario Rossi', skillCodes: ['BOILER'] },
        { technicianCode: 'T-MI-4', name: 'Luca Verdi', skillCodes: ['GAS'] },
      ],
      start: START,
      end: '2026-12-01T11:00:00.000Z',
    },
  ],
};

const records = (items: [string, string][]) => ({
  items: items.map(([code, name]) => ({ code, status: 'active', record: { name } })),
  total: items.length,
});

/** The pickers' records, and the what-if answered by `whatIf`. */
function startApi(whatIf: () => { status: number; body: unknown }): Promise<HttpStub> {
  return server.serve((request, response) => {
    const { pathname } = new URL(request.url, 'http://stub');
    if (pathname === '/api/master-data/sites')
      return sendJson(response, 200, records([['S-ACME-1', 'ACME Milano']]));
    if (pathname === '/api/master-data/conditions')
      return sendJson(response, 200, records([['BOILER-DOWN', 'Boiler down']]));
    if (pathname === '/api/master-data/skills')
      return sendJson(response, 200, records([['GAS', 'Gas safe']]));
    if (pathname === '/api/proposals' && request.method === 'POST') {
      const { status, body } = whatIf();
      return sendAnswer(response, status, body);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const asked = (stub: HttpStub) =>
  stub.requests
    .filter((request) => request.method === 'POST' && request.url === '/api/proposals')
    .map((request) => JSON.parse(request.body) as unknown);

async function choose(label: RegExp, option: RegExp) {
  const drawer = screen.getByTestId('what-if');
  fireEvent.click(within(drawer).getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('what if a request came in', () => {
  it('asks for the job typed in and shows who could, read-only, with crews and the excluded', async () => {
    const stub = await startApi(() => ({ status: 200, body: answer }));
    renderScreen(<WhatIfDrawer opened onClose={jest.fn()} />);
    const drawer = await screen.findByTestId('what-if');

    // No site: said beside the field, nothing asked.
    fireEvent.click(within(drawer).getByRole('button', { name: 'Who could?' }));
    expect(await within(drawer).findByText('Choose the site.')).toBeTruthy();
    expect(asked(stub)).toEqual([]);

    await choose(/^Site/, /S-ACME-1 · ACME Milano/);
    await choose(/^Conditions/, /BOILER-DOWN · Boiler down/);
    await choose(/^Other skills/, /GAS · Gas safe/);
    fireEvent.change(within(drawer).getByRole('textbox', { name: /^Their minimum level/ }), {
      target: { value: '2' },
    });
    fireEvent.change(within(drawer).getByRole('textbox', { name: /^Duration \(minutes\)/ }), {
      target: { value: '120' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Who could?' }));

    const result = await within(drawer).findByTestId('what-if-answer');
    expect(asked(stub)).toEqual([
      {
        siteCode: 'S-ACME-1',
        conditionCodes: ['BOILER-DOWN'],
        requiredSkills: [{ skillCode: 'GAS', minLevel: 2 }],
        priority: 'normal',
        durationMinutes: 120,
      },
    ]);
    expect(
      within(result).getByRole('heading', { name: 'Who could restore service at S-ACME-1' }),
    ).toBeTruthy();
    expect(within(result).getByText(/120 minutes; skills: BOILER ≥ 1, GAS ≥ 2/)).toBeTruthy();
    expect(within(result).getByRole('heading', { name: 'Mario Rossi (T-MI-1)' })).toBeTruthy();
    // Times in the site's zone: 09:00Z is 10:00 in Rome.
    expect(within(result).getByText('Earliest start: Tue, Dec 1, 10:00 AM')).toBeTruthy();
    // Nothing to assign yet: no Use, no Use crew; the crew and the excluded are still explained.
    fireEvent.click(within(result).getByRole('button', { name: /Crews for a synchronized intervention/ }));
    expect(within(result).getByText('Together: Tue, Dec 1, 10:00 AM – 12:00 PM')).toBeTruthy();
    expect(within(result).queryByRole('button', { name: /^Use/ })).toBeNull();
    fireEvent.click(within(result).getByRole('button', { name: /excluded/i }));
    expect(within(result).getByText('Lacks skill GAS (level 2)')).toBeTruthy();
    expect(await axeViolations(drawer)).toEqual([]);
  });

  it('puts a refused field beside its input and shows no stale answer', async () => {
    await startApi(() => ({
      status: 400,
      body: {
        type: '/problems/validation',
        title: 'Invalid request',
        status: 400,
        code: 'validation_failed',
        errors: [{ field: 'durationMinutes', message: 'Too big: expected number to be <=10080' }],
      },
    }));
    renderScreen(<WhatIfDrawer opened onClose={jest.fn()} />);
    const drawer = await screen.findByTestId('what-if');
    await choose(/^Site/, /S-ACME-1 · ACME Milano/);
    fireEvent.click(within(drawer).getByRole('button', { name: 'Who could?' }));
    await waitFor(() =>
      expect(within(drawer).getByText('Too big: expected number to be <=10080')).toBeTruthy(),
    );
    expect(within(drawer).queryByTestId('what-if-answer')).toBeNull();
  });
});
