import type { AssignmentImpact, DisplacedAppointmentView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderScreen } from '../../../testing/render-screen';
import { sendAnswer, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { axeViolations } from '../../../testing/axe-violations';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { AssignForm } from '../components/assign-form';
import { requestDetailOf } from '../testing/request-detail-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'eeeeeeee-0000-4000-8000-000000000005';
const OTHER = '99999999-0000-4000-8000-000000000009';
const ASSIGNMENTS = `/api/service-requests/${ID}/assignments`;
const IMPACT = `/api/service-requests/${ID}/assignments/impact`;
const APPT_START = '2026-12-01T08:00:00.000Z';
const APPT_END = '2026-12-01T10:00:00.000Z';
const DEADLINE = '2026-12-01T12:00:00.000Z';

const CONFLICT = {
  type: '/problems/domain-rule',
  title: 'Conflict',
  status: 409,
  code: 'schedule_conflict',
  detail: `Technician T-MI-1 is already booked: appointment appt-9 of request ${OTHER}`,
  details: {
    technicianCode: 'T-MI-1',
    conflicts: [{ appointmentId: 'appt-9', requestId: OTHER, start: APPT_START, end: APPT_END }],
  },
};

/** The displaced appointment as the API words it, with the action the body asked for it. */
const displacedFor = (action: DisplacedAppointmentView['action']): DisplacedAppointmentView => ({
  technicianCode: 'T-MI-1',
  appointmentId: 'appt-9',
  requestId: OTHER,
  reference: 'SR-99999999',
  start: APPT_START,
  end: APPT_END,
  priority: 'high',
  customerName: 'Beta Srl',
  siteName: 'Beta Milano Nord',
  ...(action ? { action } : {}),
  deadline: DEADLINE,
  slaRisk: 'at_risk',
  notified: [
    { kind: 'technician', code: 'T-MI-1', name: 'Mario Rossi' },
    { kind: 'desk', unitCode: 'MI' },
  ],
});

type Answer = { status: number; body: unknown };

/** The impact as answered from the body posted; by default, what the body asks for appt-9. */
const echoImpact = (request: RecordedRequest): Answer => {
  const body = JSON.parse(request.body) as {
    displace?: { appointmentId: string; action: 'suspend' | 'remove' }[];
  };
  const action = body.displace?.find((d) => d.appointmentId === 'appt-9')?.action;
  const impact: AssignmentImpact = {
    clear: false,
    unnamed: action ? 0 : 1,
    displaced: [displacedFor(action)],
  };
  return { status: 200, body: impact };
};

/** The assignment always refused for a conflict; the impact as `impact` answers it. */
function startApi(impact: (request: RecordedRequest) => Answer = echoImpact): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    const answer = (status: number, body: unknown) => sendAnswer(response, status, body);
    if (url.pathname === IMPACT) {
      const { status, body } = impact(request);
      return answer(status, body);
    }
    if (url.pathname === ASSIGNMENTS) return answer(409, CONFLICT);
    if (url.pathname === '/api/master-data/units/MI')
      return answer(200, {
        code: 'MI',
        kind: 'units',
        status: 'active',
        version: 1,
        record: { name: 'Milano' },
      });
    if (url.pathname === '/api/master-data/technicians')
      return answer(200, { items: [{ code: 'T-MI-1', record: { name: 'Mario Rossi' } }], total: 1 });
    const agenda = /^\/api\/technicians\/([^/]+)\/agenda$/.exec(url.pathname);
    if (agenda)
      return answer(200, {
        technicianCode: decodeURIComponent(agenda[1] ?? ''),
        technicianName: 'Mario Rossi',
        timeZone: 'Europe/Rome',
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
        entries: [],
      });
    return answer(404, { status: 404, title: 'Not Found' });
  });
}

const TEXTS = {
  en: {
    form: 'Assign technicians',
    technician: /^Technician 1/,
    start: /^Start 1/,
    duration: /^Duration in minutes 1/,
    assign: 'Assign',
    emergency: /^Emergency: push these appointments aside/,
  },
  it: {
    form: 'Assegna tecnici',
    technician: /^Tecnico 1/,
    start: /^Inizio 1/,
    duration: /^Durata in minuti 1/,
    assign: 'Assegna',
    emergency: /^Emergenza: sposta questi appuntamenti/,
  },
};

/** The Assign dialog with Mario booked at 09:00 for 90 minutes, refused, and the emergency ticked. */
async function conflictTicked(language: 'en' | 'it' = 'en') {
  const texts = TEXTS[language];
  renderScreen(
    <AssignForm request={requestDetailOf(ID, { version: 3 })} onCancel={jest.fn()} onDone={jest.fn()} />,
    { language },
  );
  const form = screen.getByRole('form', { name: texts.form });
  fireEvent.click(within(form).getByRole('combobox', { name: texts.technician }));
  fireEvent.click(await screen.findByRole('option', { name: 'T-MI-1 · Mario Rossi' }));
  fireEvent.change(within(form).getByLabelText(texts.start), { target: { value: '2026-12-01T09:00' } });
  fireEvent.change(within(form).getByRole('textbox', { name: texts.duration }), {
    target: { value: '90' },
  });
  fireEvent.click(within(form).getByRole('button', { name: texts.assign }));
  const notice = await within(form).findByTestId('schedule-conflict');
  // Not asked before the dispatcher declares an emergency.
  expect(within(notice).queryByTestId('impact-preview')).toBeNull();
  fireEvent.click(within(notice).getByRole('checkbox', { name: texts.emergency }));
  const preview = await within(notice).findByTestId('impact-preview');
  return { notice, preview };
}

const impactBodies = (stub: HttpStub) =>
  stub.requests
    .filter((r) => r.method === 'POST' && r.url === IMPACT)
    .map((r) => JSON.parse(r.body) as unknown);

const SLOT = {
  technicianCode: 'T-MI-1',
  start: new Date('2026-12-01T09:00').toISOString(),
  durationMinutes: 90,
};
const dateTimeIn = (language: string, instant: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

describe('impact preview', () => {
  it('says what the emergency does to each appointment in the way, asked with the body the assignment would send', async () => {
    const stub = await startApi();
    const { notice, preview } = await conflictTicked();
    expect(within(preview).getByRole('heading', { name: 'What this emergency does' })).toBeTruthy();

    const item = await within(preview).findByRole('listitem');
    expect(within(item).getByRole('link', { name: 'SR-99999999' }).getAttribute('href')).toBe(
      `/app/requests/${OTHER}`,
    );
    expect(within(item).getByText('Beta Srl · Beta Milano Nord')).toBeTruthy();
    expect(within(item).getByText(/^When: .*, booked for T-MI-1$/)).toBeTruthy();
    expect(within(item).getByText('High')).toBeTruthy();
    expect(within(item).getByTestId('impact-action').textContent).toBe(
      'It will be suspended (it can be resumed later).',
    );
    const risk = within(item).getByText('Deadline within the warning time');
    expect(risk.closest('[data-risk]')?.getAttribute('data-risk')).toBe('at_risk');
    expect(within(item).getByText(`Deadline ${dateTimeIn('en', DEADLINE)}`)).toBeTruthy();
    // The desk named from master data once it answers.
    await waitFor(() =>
      expect(within(item).getByTestId('impact-notified').textContent).toBe(
        'Will be told: Mario Rossi (T-MI-1), the Milano desk (MI)',
      ),
    );

    expect(impactBodies(stub)).toEqual([
      { assignments: [SLOT], displace: [{ appointmentId: 'appt-9', action: 'suspend' }] },
    ]);

    // Another action is another question: asked again, and said in the preview.
    fireEvent.click(within(notice).getByRole('radio', { name: 'Remove them from the agenda' }));
    await waitFor(() =>
      expect(within(preview).getByTestId('impact-action').textContent).toBe(
        'It will be removed from the agenda.',
      ),
    );
    expect(impactBodies(stub).at(-1)).toEqual({
      assignments: [SLOT],
      displace: [{ appointmentId: 'appt-9', action: 'remove' }],
    });

    // Unticked: the preview goes, and nothing more is asked.
    const asked = impactBodies(stub).length;
    fireEvent.click(within(notice).getByRole('checkbox', { name: TEXTS.en.emergency }));
    expect(within(notice).queryByTestId('impact-preview')).toBeNull();
    expect(impactBodies(stub)).toHaveLength(asked);

    expect(await axeViolations(notice)).toEqual([]);
  });

  it('says each service-level risk in words', async () => {
    const risks: DisplacedAppointmentView['slaRisk'][] = ['breached', 'ok', 'none'];
    await startApi((request) => {
      const answered = echoImpact(request).body as AssignmentImpact;
      return {
        status: 200,
        body: {
          ...answered,
          displaced: risks.map((slaRisk, i) => ({
            ...answered.displaced[0],
            appointmentId: `appt-${i}`,
            slaRisk,
            ...(slaRisk === 'none' ? { deadline: undefined } : {}),
          })),
        },
      };
    });
    const { preview } = await conflictTicked();
    const items = await within(preview).findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('[data-risk]')?.textContent)).toEqual([
      'Deadline already missed',
      'Deadline not at risk',
      'No deadline',
    ]);
    expect(within(items[2] as HTMLElement).queryByText(/^Deadline \d/)).toBeNull();
  });

  it('says what the API answered when the impact cannot be worked out', async () => {
    await startApi(() => ({
      status: 422,
      body: {
        type: '/problems/domain-rule',
        title: 'Unprocessable Entity',
        status: 422,
        code: 'no_schedule',
        detail: 'The schedule of T-MI-1 could not be read',
      },
    }));
    const { preview } = await conflictTicked();
    const error = await within(preview).findByTestId('impact-error');
    expect(within(error).getByText('What this emergency does could not be worked out')).toBeTruthy();
    expect(within(error).getByText('The schedule of T-MI-1 could not be read')).toBeTruthy();
    expect(within(error).getByRole('button', { name: 'Work it out again' })).toBeTruthy();
  });

  it('speaks Italian', async () => {
    const stub = await startApi();
    const { notice, preview } = await conflictTicked('it');
    expect(within(preview).getByRole('heading', { name: 'Cosa fa questa emergenza' })).toBeTruthy();
    const item = await within(preview).findByRole('listitem');
    expect(within(item).getByText('Scadenza entro il tempo di preavviso')).toBeTruthy();
    expect(within(item).getByText(`Scadenza ${dateTimeIn('it', DEADLINE)}`)).toBeTruthy();
    expect(within(item).getByText('Alta')).toBeTruthy();
    expect(within(item).getByTestId('impact-action').textContent).toBe(
      'Sarà sospeso (potrà essere ripreso in seguito).',
    );
    await waitFor(() =>
      expect(within(item).getByTestId('impact-notified').textContent).toBe(
        'Saranno avvisati: Mario Rossi (T-MI-1), la centrale di Milano (MI)',
      ),
    );
    fireEvent.click(within(notice).getByRole('radio', { name: "Toglili dall'agenda" }));
    await waitFor(() =>
      expect(within(preview).getByTestId('impact-action').textContent).toBe("Sarà tolto dall'agenda."),
    );
    expect(impactBodies(stub).at(-1)).toEqual({
      assignments: [SLOT],
      displace: [{ appointmentId: 'appt-9', action: 'remove' }],
    });
  });
});
