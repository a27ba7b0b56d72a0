import type { Agenda, ServiceRequestDetail, ServiceRequestList } from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson, openRequest } from './testing/service-request-calls';

const REQUESTS = 50;
/** Wednesday 9 December 2026, 09:00 UTC: every booking below overlaps every other. */
const BASE = Date.parse('2026-12-09T09:00:00Z');

describe('service requests: one technician, fifty desks at once', () => {
  const suite = withOrganisationApi();

  it('books the technician exactly once when fifty overlapping assignments race over HTTP', async () => {
    const desk = suite.tokens.dispatcherMi;
    const requests: ServiceRequestDetail[] = [];
    // Opened ten at a time: the point of the test is the race on the schedule, not on opening.
    for (let batch = 0; batch < REQUESTS / 10; batch++) {
      const opened = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          openRequest(suite.api, desk, {
            customerCode: 'ACME',
            siteCode: 'S-ACME-1',
            description: `Fault report ${batch * 10 + index + 1}`,
          }),
        ),
      );
      requests.push(...opened);
    }
    for (const request of requests) await act(suite.api, desk, 'POST', `${request.id}/accept`, {});

    // Each starts a minute after the previous and lasts two hours: all fifty overlap pairwise.
    const responses = await Promise.all(
      requests.map((request, index) =>
        suite.api.call('POST', `/api/service-requests/${request.id}/assignments`, desk, {
          assignments: [
            {
              technicianCode: 'T-MI-1',
              start: new Date(BASE + index * 60_000).toISOString(),
              durationMinutes: 120,
            },
          ],
        }),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(REQUESTS - 1);

    const winnerIndex = statuses.indexOf(200);
    const winner = bodies[winnerIndex] as ServiceRequestDetail;
    expect(winner.status).toBe('assigned');
    const appointmentId = winner.assignments[0]!.appointmentId;
    expect(appointmentId).toEqual(expect.any(String));
    for (const [index, body] of bodies.entries()) {
      if (index === winnerIndex) continue;
      // Each loser is told what it ran into: the winner's appointment, its request and its times.
      expect(body).toMatchObject({
        status: 409,
        code: 'schedule_conflict',
        details: {
          conflicts: [expect.objectContaining({ appointmentId, requestId: winner.id })],
        },
      });
    }

    const agenda = await getJson<Agenda>(
      suite.api,
      desk,
      '/api/technicians/T-MI-1/agenda?from=2026-12-09T00:00:00Z&to=2026-12-10T00:00:00Z',
    );
    expect(agenda.entries.map((entry) => [entry.appointmentId, entry.requestId])).toEqual([
      [appointmentId, winner.id],
    ]);
    const ours = new Set(requests.map((request) => request.id));
    const assigned = await getJson<ServiceRequestList>(
      suite.api,
      desk,
      '/api/service-requests?status=assigned&limit=500',
    );
    expect(assigned.items.filter((item) => ours.has(item.id)).map((item) => item.id)).toEqual([winner.id]);
    const accepted = await getJson<ServiceRequestList>(
      suite.api,
      desk,
      '/api/service-requests?status=accepted&limit=500',
    );
    expect(accepted.items.filter((item) => ours.has(item.id))).toHaveLength(REQUESTS - 1);
  }, 120_000);
});
