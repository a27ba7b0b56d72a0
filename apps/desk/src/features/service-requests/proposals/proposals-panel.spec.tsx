import type { CrewProposalView, ProposalAnswer, TechnicianProposalView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderScreen } from '../../../testing/render-screen';
import { sendAnswer, sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { axeViolations } from '../../../testing/axe-violations';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { AssignForm } from '../components/assign-form';
import { localInputValueOf } from '../format/local-input-value-of';
import { requestDetailOf } from '../testing/request-detail-of';

// jsdom lays out Mantine and FullCalendar slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'eeeeeeee-0000-4000-8000-000000000005';
const OTHER = '99999999-0000-4000-8000-000000000009';
const PROPOSALS = `/api/service-requests/${ID}/proposals`;

// Instants in UTC; the site is in Rome (UTC+1 in winter): 09:00Z is 10:00 there.
const MARIO_START = '2026-12-01T09:00:00.000Z';
const MARIO_LATER = '2026-12-02T13:00:00.000Z';
const LUCA_START = '2026-12-02T08:00:00.000Z';
const LUCA_LATER = '2026-12-03T08:00:00.000Z';

const WEIGHTS = { start: 30, deadline: 25, zone: 15, travel: 10, materials: 10, skills: 5, workload: 5 };
const slot = (start: string, over: Partial<NonNullable<TechnicianProposalView['slot']>> = {}) => ({
  start,
  end: new Date(Date.parse(start) + 90 * 60_000).toISOString(),
  ...over,
});

const mario: TechnicianProposalView = {
  technicianCode: 'T-MI-1',
  name: 'Mario Rossi',
  unitCode: 'MI',
  status: 'proposed',
  exclusions: [],
  skills: [{ skillCode: 'GAS', minLevel: 2, heldLevel: 3, certifiedUntil: '2027-06-30', verdict: 'met' }],
  zone: 'own',
  materials: {
    status: 'van',
    lines: [{ itemCode: 'FILTER-1', quantity: 1, inVan: 2, source: 'van' }],
  },
  slot: slot(MARIO_START, {
    after: { bookingId: 'b-1', label: 'Beta Srl' },
    travelMinutes: 18,
    travelKm: 9.5,
    withinDeadline: true,
  }),
  alternatives: [slot(MARIO_LATER, { withinDeadline: false })],
  counterfactual: {
    start: '2026-12-01T07:00:00.000Z',
    ifMoves: { bookingId: 'b-1', label: 'Beta Srl', requestId: OTHER },
  },
  score: {
    total: 82.5,
    criteria: [
      { criterion: 'start', value: 120, score: 0.92, weight: 30, points: 27.69 },
      { criterion: 'deadline', value: 'met', score: 1, weight: 25, points: 25 },
      { criterion: 'zone', value: 'own', score: 1, weight: 15, points: 15 },
      { criterion: 'travel', value: 18, score: 0.63, weight: 10, points: 6.25 },
      { criterion: 'materials', value: 'van', score: 1, weight: 10, points: 10 },
      { criterion: 'skills', value: 0.33, score: 0.33, weight: 5, points: 1.67 },
      { criterion: 'workload', value: 240, score: 0.5, weight: 5, points: 2.5 },
    ],
  },
};

const luca: TechnicianProposalView = {
  technicianCode: 'T-MI-2',
  name: 'Luca Verdi',
  status: 'proposed',
  exclusions: [],
  skills: [{ skillCode: 'GAS', minLevel: 2, heldLevel: 2, verdict: 'met' }],
  zone: 'neighbour',
  materials: { status: 'warehouse', lines: [] },
  slot: slot(LUCA_START, { withinDeadline: false }),
  alternatives: [slot(LUCA_LATER, { withinDeadline: false })],
  score: {
    total: 61,
    criteria: [
      { criterion: 'start', value: 1500, score: 0.49, weight: 30, points: 14.7 },
      { criterion: 'deadline', value: 'missed', score: 0, weight: 25, points: 0 },
      { criterion: 'zone', value: 'neighbour', score: 0.5, weight: 15, points: 7.5 },
      { criterion: 'travel', score: 1, weight: 10, points: 10 },
      { criterion: 'materials', value: 'warehouse', score: 0.5, weight: 10, points: 5 },
      { criterion: 'skills', value: 0, score: 0, weight: 5, points: 0 },
      { criterion: 'workload', value: 0, score: 1, weight: 5, points: 5 },
    ],
  },
};

const excluded = (
  technicianCode: string,
  name: string,
  exclusions: TechnicianProposalView['exclusions'],
): TechnicianProposalView => ({
  technicianCode,
  name,
  status: 'excluded',
  exclusions,
  skills: [],
  zone: 'unknown',
  materials: { status: 'none', lines: [] },
  alternatives: [],
});

const anna = excluded('T-MI-3', 'Anna Bianchi', [{ code: 'missing_skill', skillCode: 'GAS', minLevel: 2 }]);
const paolo = excluded('T-MI-4', 'Paolo Neri', [
  // Whole days of leave to 20 December end at midnight in Rome: back on the 21st.
  { code: 'unavailable', layer: 'Paolo Neri', reason: 'Annual leave', until: '2026-12-20T23:00:00.000Z' },
  { code: 'certificate_expired', skillCode: 'GAS', certifiedUntil: '2026-11-30' },
]);

const answerWith = (
  proposals: TechnicianProposalView[],
  crews: CrewProposalView[] = [],
  job: Partial<ProposalAnswer['job']> = {},
): ProposalAnswer => ({
  job: {
    requestId: ID,
    siteCode: 'S-ACME-1',
    zoneCode: 'Z-MI',
    timeZone: 'Europe/Rome',
    priority: 'high',
    durationMinutes: 90,
    requiredSkills: [{ skillCode: 'GAS', minLevel: 2 }],
    materials: [{ itemCode: 'FILTER-1', quantity: 1 }],
    notBefore: '2026-12-01T07:00:00.000Z',
    horizonEnd: '2026-12-15T07:00:00.000Z',
    deadline: '2026-12-02T17:00:00.000Z',
    ...job,
  },
  weights: WEIGHTS,
  proposals,
  crews,
});

type Answer = { status: number; body: unknown };

/** The proposals as `proposals` answers them; the technicians, their agendas and the assignment. */
function startApi(proposals: () => Answer): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === PROPOSALS) {
      const answer = proposals();
      return sendAnswer(response, answer.status, answer.body);
    }
    if (url.pathname === `/api/service-requests/${ID}/assignments`)
      return sendJson(response, 200, requestDetailOf(ID, { version: 4, status: 'assigned' }));
    if (url.pathname === '/api/master-data/technicians')
      return sendJson(response, 200, {
        items: [
          { code: 'T-MI-1', record: { name: 'Mario Rossi' } },
          { code: 'T-MI-2', record: { name: 'Luca Verdi' } },
          { code: 'T-MI-5', record: { name: 'Sara Gallo' } },
          { code: 'T-MI-6', record: { name: 'Gino Ferri' } },
        ],
        total: 4,
      });
    const agenda = /^\/api\/technicians\/([^/]+)\/agenda$/.exec(url.pathname);
    if (agenda)
      return sendJson(response, 200, {
        technicianCode: decodeURIComponent(agenda[1] ?? ''),
        technicianName: 'Someone',
        timeZone: 'Europe/Rome',
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
        entries: [],
      });
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const ok = (proposals: TechnicianProposalView[]) => () => ({ status: 200, body: answerWith(proposals) });

function renderForm(language = 'en') {
  const onDone = jest.fn();
  renderScreen(
    <AssignForm request={requestDetailOf(ID, { version: 3 })} onCancel={jest.fn()} onDone={onDone} />,
    { language },
  );
  return { onDone };
}

const valueOf = (element: HTMLElement) => (element as HTMLInputElement).value;
const form = () => screen.getByRole('form', { name: 'Assign technicians' });
const rowInputs = (n: number) => {
  const row = within(form()).getByRole('group', { name: `Technician ${n}` });
  return {
    technician: within(row).getByRole('combobox', { name: new RegExp(`^Technician ${n}`) }),
    start: within(row).getByLabelText(new RegExp(`^Start ${n}`)),
    duration: within(row).getByRole('textbox', { name: new RegExp(`^Duration in minutes ${n}`) }),
  };
};

describe('proposals panel', () => {
  it('ranks the proposed technicians, explains a score, and lists the excluded with their reasons', async () => {
    const stub = await startApi(ok([mario, luca, anna, paolo]));
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    const list = await within(panel).findByTestId('proposals-list');
    expect(stub.requests.some((r) => r.method === 'GET' && r.url === PROPOSALS)).toBe(true);

    const items = Array.from(list.children) as HTMLElement[];
    expect(items.map((item) => item.getAttribute('data-technician'))).toEqual(['T-MI-1', 'T-MI-2']);
    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { name: 'Mario Rossi (T-MI-1)' })).toBeTruthy();
    expect(within(first).getByText('Score 82.5/100')).toBeTruthy();
    // Times in the site's zone (Rome), whatever the browser's.
    expect(within(first).getByText('Earliest start: Tue, Dec 1, 10:00 AM')).toBeTruthy();
    expect(within(first).getByText('Within deadline')).toBeTruthy();
    expect(
      within(first).getByText('Own zone · Travel 18 min · 9.5 km from Beta Srl · Materials in the van'),
    ).toBeTruthy();
    expect(within(second).getByText('After deadline')).toBeTruthy();
    expect(
      within(second).getByText('Neighbouring zone · First visit of the day · Materials from a warehouse'),
    ).toBeTruthy();
    expect(within(panel).getByText(/times at the site \(Europe\/Rome\)/)).toBeTruthy();
    // No crew in the answer: no crew section.
    expect(within(panel).queryByTestId('crews-section')).toBeNull();
    expect(within(panel).queryByRole('heading', { name: /Crews/ })).toBeNull();

    // The explanation, on demand.
    const why = within(first).getByRole('button', { name: 'Why Mario Rossi?' });
    expect(why.getAttribute('aria-expanded')).toBe('false');
    expect(within(first).queryByRole('table')).toBeNull();
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const table = within(first).getByRole('table', { name: 'How the score of Mario Rossi is made' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Criterion', 'Value', 'Score (0–1)', 'Weight', 'Points'],
      ['Start', 'in 2 hr', '0.92', '30', '27.69'],
      ['Deadline', 'Met', '1', '25', '25'],
      ['Zone', 'Own zone', '1', '15', '15'],
      ['Travel', '18 min', '0.63', '10', '6.25'],
      ['Materials', 'Materials in the van', '1', '10', '10'],
      ['Skills (margin)', '0.33', '0.33', '5', '1.67'],
      ['Workload that day', '4 hr booked', '0.5', '5', '2.5'],
      ['Total', '82.5'],
    ]);
    expect(
      within(first).getByText('GAS: level 3 held, 2 asked — met; certified until Jun 30, 2027'),
    ).toBeTruthy();
    expect(within(first).getByText('FILTER-1 × 1: in the van (2)')).toBeTruthy();
    expect(within(first).getByRole('heading', { name: 'Later starts' })).toBeTruthy();
    expect(
      within(within(first).getByTestId('alternatives')).getByRole('button', {
        name: 'Use Mario Rossi at Wed, Dec 2, 02:00 PM',
      }),
    ).toBeTruthy();
    expect(within(first).getByTestId('counterfactual').textContent).toBe(
      'Free at Tue, Dec 1, 08:00 AM if SR-99999999 (Beta Srl) moves',
    );

    // Luca's table says what was not measured, and a deadline missed.
    fireEvent.click(within(second).getByRole('button', { name: 'Why Luca Verdi?' }));
    const lucaTable = within(second).getByRole('table');
    expect(within(lucaTable).getByRole('row', { name: /^Start/ }).textContent).toContain('in 1 day 1 hr');
    expect(within(lucaTable).getByRole('row', { name: /^Deadline/ }).textContent).toContain('Missed');
    expect(within(lucaTable).getByRole('row', { name: /^Travel/ }).textContent).toContain('Not measured');
    expect(within(lucaTable).getByRole('row', { name: /^Workload/ }).textContent).toContain('Nothing booked');

    // The excluded, collapsed until asked for.
    const toggle = within(panel).getByRole('button', { name: 'Excluded (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(panel).queryByText('Lacks skill GAS (level 2)')).toBeNull();
    fireEvent.click(toggle);
    const excludedList = within(panel).getByTestId('excluded-list');
    const [annaItem, paoloItem] = Array.from(excludedList.children) as [HTMLElement, HTMLElement];
    expect(within(annaItem).getByText('Anna Bianchi (T-MI-3)')).toBeTruthy();
    expect(
      within(annaItem)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Lacks skill GAS (level 2)']);
    expect(
      within(paoloItem)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Annual leave, back on Mon, Dec 21',
      'Certificate for GAS expired (valid until Nov 30, 2026)',
    ]);
    // Excluded technicians cannot be taken.
    expect(within(excludedList).queryByRole('button')).toBeNull();
  });

  it('"Use" fills the row being edited with the technician, the start and the job’s duration, and the slot is sent', async () => {
    const stub = await startApi(ok([mario, luca, anna]));
    const { onDone } = renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });

    fireEvent.click(
      await within(panel).findByRole('button', { name: 'Use Mario Rossi at Tue, Dec 1, 10:00 AM' }),
    );
    const one = rowInputs(1);
    expect(valueOf(one.technician)).toBe('T-MI-1');
    expect(valueOf(one.start)).toBe(localInputValueOf(MARIO_START));
    expect(valueOf(one.duration)).toBe('90');
    // The row's technician's day shows up beside it.
    expect(await within(form()).findByTestId('technician-day-agenda')).toBeTruthy();

    // A crew: the second row is the one being edited now, and "Use" fills it, from a later start.
    fireEvent.click(within(form()).getByRole('button', { name: 'Add a technician' }));
    expect(within(panel).getByText(/“Use” fills technician 2\./)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Why Luca Verdi?' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Use Luca Verdi at Thu, Dec 3, 09:00 AM' }));
    const two = rowInputs(2);
    expect(valueOf(two.technician)).toBe('T-MI-2');
    expect(valueOf(two.start)).toBe(localInputValueOf(LUCA_LATER));
    expect(valueOf(two.duration)).toBe('90');
    expect(valueOf(rowInputs(1).technician)).toBe('T-MI-1');
    expect(valueOf(rowInputs(1).start)).toBe(localInputValueOf(MARIO_START));

    // Focus back on the first row: "Use" now fills it again.
    fireEvent.focus(rowInputs(1).start);
    expect(within(panel).getByText(/“Use” fills technician 1\./)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Use Luca Verdi at Wed, Dec 2, 09:00 AM' }));
    expect(valueOf(rowInputs(1).technician)).toBe('T-MI-2');
    expect(valueOf(rowInputs(1).start)).toBe(localInputValueOf(LUCA_START));
    fireEvent.click(within(panel).getByRole('button', { name: 'Use Mario Rossi at Tue, Dec 1, 10:00 AM' }));

    fireEvent.click(within(form()).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = stub.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({
      assignments: [
        { technicianCode: 'T-MI-1', start: MARIO_START, durationMinutes: 90 },
        { technicianCode: 'T-MI-2', start: LUCA_LATER, durationMinutes: 90 },
      ],
    });
  });

  it('says what the API answered when the proposals fail, and the form still works by hand', async () => {
    let calls = 0;
    await startApi(() => {
      calls += 1;
      return calls === 1
        ? {
            status: 422,
            body: {
              type: '/problems/domain-rule',
              title: 'Unprocessable Entity',
              status: 422,
              code: 'no_site_position',
              detail: 'The site S-ACME-1 has no time zone',
            },
          }
        : { status: 200, body: answerWith([mario]) };
    });
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    const error = await within(panel).findByTestId('proposals-error');
    expect(within(error).getByText('The proposals could not be loaded')).toBeTruthy();
    expect(within(error).getByText('The site S-ACME-1 has no time zone')).toBeTruthy();
    expect(valueOf(rowInputs(1).duration)).toBe('60');

    fireEvent.click(within(error).getByRole('button', { name: 'Try the proposals again' }));
    expect(
      await within(panel).findByRole('button', { name: 'Use Mario Rossi at Tue, Dec 1, 10:00 AM' }),
    ).toBeTruthy();
    expect(within(panel).queryByTestId('proposals-error')).toBeNull();
  });

  it('says nobody can do it within the horizon, and still shows why', async () => {
    await startApi(ok([anna]));
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    expect((await within(panel).findByTestId('proposals-empty')).textContent).toBe(
      'Nobody can do this within 14 days.',
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Excluded (1)' }));
    expect(within(panel).getByText('Lacks skill GAS (level 2)')).toBeTruthy();
  });

  it('leaves axe nothing to say, opened out (contrast is left to the browser tests: jsdom paints nothing)', async () => {
    await startApi(ok([mario, luca, anna, paolo]));
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    await within(panel).findByTestId('proposals-list');
    fireEvent.click(within(panel).getByRole('button', { name: 'Why Mario Rossi?' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Excluded (2)' }));
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('speaks Italian', async () => {
    await startApi(ok([mario, anna]));
    renderForm('it');
    const panel = await screen.findByRole('region', { name: 'Tecnici proposti' });
    expect(
      await within(panel).findByRole('button', { name: 'Usa Mario Rossi: mar 1 dic, 10:00' }),
    ).toBeTruthy();
    expect(within(panel).getByText('Entro la scadenza')).toBeTruthy();
    expect(within(panel).getByText('Punteggio 82,5/100')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Esclusi (1)' }));
    expect(within(panel).getByText('Manca la competenza GAS (livello 2)')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Perché Mario Rossi?' }));
    expect(
      within(panel).getByText('Libero mar 1 dic, 08:00 se si sposta SR-99999999 (Beta Srl)'),
    ).toBeTruthy();
  });
});

// A job asking two skills nobody holds both of: crews, all starting together.
const CREW_JOB = {
  requiredSkills: [
    { skillCode: 'GAS', minLevel: 2 },
    { skillCode: 'ELEC', minLevel: 1 },
  ],
};
// 08:30Z is 09:30 in Rome; the job takes 90 minutes.
const CREW_START = '2026-12-01T08:30:00.000Z';
const TRIO_START = '2026-12-03T12:00:00.000Z';
const crewAt = (
  start: string,
  members: CrewProposalView['members'],
  withinDeadline?: boolean,
): CrewProposalView => ({
  members,
  start,
  end: new Date(Date.parse(start) + 90 * 60_000).toISOString(),
  ...(withinDeadline !== undefined && { withinDeadline }),
});
const lucaAndSara = crewAt(
  CREW_START,
  [
    { technicianCode: 'T-MI-2', name: 'Luca Verdi', skillCodes: ['GAS'] },
    { technicianCode: 'T-MI-5', name: 'Sara Gallo', skillCodes: ['ELEC'] },
  ],
  true,
);
const trio = crewAt(
  TRIO_START,
  [
    { technicianCode: 'T-MI-1', name: 'Mario Rossi', skillCodes: ['GAS'] },
    { technicianCode: 'T-MI-5', name: 'Sara Gallo', skillCodes: ['ELEC'] },
    { technicianCode: 'T-MI-6', name: 'Gino Ferri', skillCodes: ['FGAS', 'ELEC'] },
  ],
  false,
);
const withCrews =
  (proposals: TechnicianProposalView[], crews: CrewProposalView[] = [lucaAndSara, trio]) =>
  () => ({ status: 200, body: answerWith(proposals, crews, CREW_JOB) });

describe('crews for a synchronized intervention', () => {
  it('when nobody can do it alone, shows the crews open, before the excluded: members, skills, times at the site', async () => {
    await startApi(withCrews([anna]));
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    const section = await within(panel).findByRole('region', {
      name: 'Crews for a synchronized intervention',
    });
    expect((await within(panel).findByTestId('proposals-empty')).textContent).toBe(
      'Nobody can do this alone within 14 days: a crew can (below).',
    );
    // Prominent: open from the start, and before the excluded technicians.
    const toggle = within(section).getByRole('button', { name: 'Crews for a synchronized intervention' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(panel).getByRole('heading', { name: 'Crews for a synchronized intervention' }),
    ).toBeTruthy();
    const excludedSection = within(panel).getByTestId('excluded-technicians');
    expect(section.compareDocumentPosition(excludedSection) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const items = Array.from(within(section).getByTestId('crews-list').children) as HTMLElement[];
    expect(items.map((item) => item.getAttribute('data-crew'))).toEqual([
      'T-MI-2+T-MI-5',
      'T-MI-1+T-MI-5+T-MI-6',
    ]);
    const [pair, three] = items as [HTMLElement, HTMLElement];
    expect(within(pair).getByRole('heading', { name: 'Luca Verdi and Sara Gallo' })).toBeTruthy();
    // The common start and end in the site's zone (Rome), whatever the browser's.
    expect(within(pair).getByText('Together: Tue, Dec 1, 09:30 AM – 11:00 AM')).toBeTruthy();
    expect(within(pair).getByText('Within deadline')).toBeTruthy();
    expect(
      within(pair)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Luca Verdi (T-MI-2) brings GAS', 'Sara Gallo (T-MI-5) brings ELEC']);
    expect(
      within(pair).getByRole('button', { name: 'Use crew Luca Verdi and Sara Gallo at Tue, Dec 1, 09:30 AM' })
        .textContent,
    ).toBe('Use crew');

    expect(
      within(three).getByRole('heading', { name: 'Mario Rossi, Sara Gallo, and Gino Ferri' }),
    ).toBeTruthy();
    expect(within(three).getByText('Together: Thu, Dec 3, 01:00 PM – 02:30 PM')).toBeTruthy();
    expect(within(three).getByText('After deadline')).toBeTruthy();
    expect(within(three).getByText('Gino Ferri (T-MI-6) brings FGAS and ELEC')).toBeTruthy();

    // Closed on demand.
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(section).queryByTestId('crews-list')).toBeNull();
  });

  it('"Use crew" fills one row per member with the same start and the job’s duration, and both are sent', async () => {
    const stub = await startApi(withCrews([anna]));
    const { onDone } = renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    await within(panel).findByTestId('crews-list');

    // Three rows, the last two empty: assigning finds them wanting.
    fireEvent.click(within(form()).getByRole('button', { name: 'Add a technician' }));
    fireEvent.click(within(form()).getByRole('button', { name: 'Add a technician' }));
    fireEvent.click(within(form()).getByRole('button', { name: 'Assign' }));
    expect(within(form()).getAllByText('Required').length).toBeGreaterThan(0);

    // The pair: two rows, the third removed, the problems cleared as typing clears them.
    fireEvent.click(
      within(panel).getByRole('button', {
        name: 'Use crew Luca Verdi and Sara Gallo at Tue, Dec 1, 09:30 AM',
      }),
    );
    expect(within(form()).queryByRole('group', { name: 'Technician 3' })).toBeNull();
    expect(within(form()).queryByText('Required')).toBeNull();
    const one = rowInputs(1);
    const two = rowInputs(2);
    expect(valueOf(one.technician)).toBe('T-MI-2');
    expect(valueOf(two.technician)).toBe('T-MI-5');
    expect(valueOf(one.start)).toBe(localInputValueOf(CREW_START));
    expect(valueOf(two.start)).toBe(valueOf(one.start));
    expect(valueOf(one.duration)).toBe('90');
    expect(valueOf(two.duration)).toBe('90');

    // The trio: a third row added to the two.
    fireEvent.click(
      within(panel).getByRole('button', {
        name: 'Use crew Mario Rossi, Sara Gallo, and Gino Ferri at Thu, Dec 3, 01:00 PM',
      }),
    );
    expect(
      [1, 2, 3].map((n) => {
        const row = rowInputs(n);
        return [valueOf(row.technician), valueOf(row.start), valueOf(row.duration)];
      }),
    ).toEqual([
      ['T-MI-1', localInputValueOf(TRIO_START), '90'],
      ['T-MI-5', localInputValueOf(TRIO_START), '90'],
      ['T-MI-6', localInputValueOf(TRIO_START), '90'],
    ]);

    // Back to the pair, and assign.
    fireEvent.click(
      within(panel).getByRole('button', {
        name: 'Use crew Luca Verdi and Sara Gallo at Tue, Dec 1, 09:30 AM',
      }),
    );
    expect(within(form()).queryByRole('group', { name: 'Technician 3' })).toBeNull();
    fireEvent.click(within(form()).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = stub.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({
      assignments: [
        { technicianCode: 'T-MI-2', start: CREW_START, durationMinutes: 90 },
        { technicianCode: 'T-MI-5', start: CREW_START, durationMinutes: 90 },
      ],
    });
  });

  it('keeps the crews collapsed after the single proposals when someone can do it alone', async () => {
    await startApi(withCrews([mario, anna], [lucaAndSara]));
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    const list = await within(panel).findByTestId('proposals-list');
    const section = within(panel).getByRole('region', { name: 'Crews for a synchronized intervention' });
    expect(list.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const toggle = within(section).getByRole('button', { name: 'Crews for a synchronized intervention' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(section).queryByRole('button', { name: /^Use crew/ })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(section).getByRole('button', {
        name: 'Use crew Luca Verdi and Sara Gallo at Tue, Dec 1, 09:30 AM',
      }),
    ).toBeTruthy();
  });

  it('leaves axe nothing to say with the crews open', async () => {
    await startApi(withCrews([anna]));
    renderForm();
    const panel = await screen.findByRole('region', { name: 'Proposed technicians' });
    await within(panel).findByTestId('crews-list');
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('speaks Italian', async () => {
    await startApi(withCrews([anna]));
    renderForm('it');
    const panel = await screen.findByRole('region', { name: 'Tecnici proposti' });
    const section = await within(panel).findByRole('region', {
      name: 'Squadre per un intervento sincronizzato',
    });
    expect(within(panel).getByTestId('proposals-empty').textContent).toBe(
      'Nessuno può farlo da solo entro 14 giorni: una squadra sì (sotto).',
    );
    const [pair] = Array.from(within(section).getByTestId('crews-list').children) as [HTMLElement];
    expect(within(pair).getByRole('heading', { name: 'Luca Verdi e Sara Gallo' })).toBeTruthy();
    expect(within(pair).getByText('Insieme: mar 1 dic, 09:30 – 11:00')).toBeTruthy();
    expect(within(pair).getByText('Entro la scadenza')).toBeTruthy();
    expect(within(pair).getByText('Sara Gallo (T-MI-5) copre ELEC')).toBeTruthy();
    expect(within(section).getByText('Gino Ferri (T-MI-6) copre FGAS e ELEC')).toBeTruthy();
    const use = within(pair).getByRole('button', {
      name: 'Usa la squadra Luca Verdi e Sara Gallo: mar 1 dic, 09:30',
    });
    expect(use.textContent).toBe('Usa la squadra');
    fireEvent.click(use);
    const second = within(screen.getByRole('form', { name: 'Assegna tecnici' })).getByRole('group', {
      name: 'Tecnico 2',
    });
    expect(valueOf(within(second).getByLabelText(/^Inizio 2/))).toBe(localInputValueOf(CREW_START));
  });
});
