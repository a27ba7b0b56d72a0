import type { Agenda } from '@fieldstream/api-contract';
import { agendaEvents } from './agenda-events';
import { PRIORITY_COLOURS, SUSPENDED_COLOUR } from '../../../shared/service-request-colours';

const request = (priority: 'critical' | 'low', status: 'assigned' | 'suspended' = 'assigned') => ({
  reference: 'SR-1',
  status,
  priority,
  description: 'Pump leaking',
  customerCode: 'ACME',
  siteCode: 'S-ACME-1',
  crew: [],
});

const agenda = (technicianCode: string, technicianName?: string): Agenda => ({
  technicianCode,
  ...(technicianName ? { technicianName } : {}),
  timeZone: 'Europe/Rome',
  from: '2026-11-23T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
  entries: [
    {
      appointmentId: `${technicianCode}-a`,
      technicianCode,
      requestId: 'r-1',
      start: '2026-11-24T08:00:00.000Z',
      end: '2026-11-24T10:00:00.000Z',
      status: 'confirmed',
      request: request('critical'),
    },
    {
      appointmentId: `${technicianCode}-b`,
      technicianCode,
      requestId: 'r/2',
      start: '2026-11-25T08:00:00.000Z',
      end: '2026-11-25T09:00:00.000Z',
      status: 'suspended',
      request: request('low'),
    },
  ],
});

describe('agenda entries as calendar events', () => {
  const options = {
    title: (entry: { request?: { reference: string } }, technician: string | undefined) =>
      `${technician ? `${technician}: ` : ''}${entry.request?.reference ?? '?'}`,
    suspendedClassName: 'hatched',
  };

  it('colours by priority, links to the request, and greys and hatches suspended ones', () => {
    const [critical, suspended] = agendaEvents([agenda('T-1')], { ...options, nameTechnician: false });
    expect(critical).toMatchObject({
      id: 'T-1:T-1-a',
      title: 'SR-1',
      start: '2026-11-24T08:00:00.000Z',
      url: '/app/requests/r-1',
      color: PRIORITY_COLOURS.critical,
      extendedProps: { requestId: 'r-1', suspended: false, priority: 'critical' },
    });
    expect(critical?.className).toBeUndefined();
    expect(suspended).toMatchObject({
      url: '/app/requests/r%2F2',
      color: SUSPENDED_COLOUR,
      className: 'hatched',
      extendedProps: { suspended: true },
    });
  });

  it('names the technician when several agendas share the calendar', () => {
    const events = agendaEvents([agenda('T-1', 'Anna'), agenda('T-2')], { ...options, nameTechnician: true });
    expect(events.map((event) => event.title)).toEqual([
      'Anna: SR-1',
      'Anna: SR-1',
      'T-2: SR-1',
      'T-2: SR-1',
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(4);
  });
});
