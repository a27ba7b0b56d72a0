import type { AvailabilityResponse } from '../types/availability';
import { AVAILABILITY_COLOURS } from './availability-colours';
import { type AvailabilityEventLabels, availabilityEvents } from './availability-events';
import { paddedRange } from './padded-range';

const labels: AvailabilityEventLabels = {
  open: (layer) => `open ${layer}`,
  closure: (reason, layer) => `closed: ${reason} (${layer})`,
  holiday: (name) => `holiday: ${name}`,
  available: (side) => `${side} available`,
  both: () => 'both',
};

const response: AvailabilityResponse = {
  from: '2026-12-07T00:00:00Z',
  to: '2026-12-14T00:00:00Z',
  technician: {
    code: 'T-01',
    name: 'Anna Rossi',
    timeZone: 'Europe/Rome',
    layers: [
      {
        name: 'Milan centre hours',
        source: { kind: 'calendar', code: 'CAL-MI' },
        timeZone: 'Europe/Rome',
        open: [{ from: '2026-12-07T07:00:00Z', to: '2026-12-07T16:00:00Z' }],
        closures: [],
        holidays: [
          { from: '2026-12-07T23:00:00Z', to: '2026-12-08T23:00:00Z', reason: 'Immacolata Concezione' },
        ],
      },
      {
        name: 'Anna Rossi',
        source: { kind: 'calendar', code: 'CAL-T-01' },
        timeZone: 'Europe/Rome',
        open: [],
        closures: [{ from: '2026-12-09T07:00:00Z', to: '2026-12-09T11:00:00Z', reason: 'leave' }],
        holidays: [],
      },
    ],
    available: [{ from: '2026-12-07T07:00:00Z', to: '2026-12-07T16:00:00Z' }],
  },
  site: {
    code: 'S-9',
    name: 'Bank branch',
    timeZone: 'Europe/Rome',
    layers: [
      {
        name: 'Branch access',
        source: { kind: 'calendar', code: 'CAL-S-9' },
        timeZone: 'Europe/Rome',
        open: [{ from: '2026-12-07T08:00:00Z', to: '2026-12-07T12:00:00Z' }],
        closures: [{ from: '2026-12-10T00:00:00Z', to: '2026-12-11T00:00:00Z', reason: 'site closed' }],
        holidays: [],
      },
    ],
    available: [{ from: '2026-12-07T08:00:00Z', to: '2026-12-07T12:00:00Z' }],
  },
  both: [{ from: '2026-12-07T08:00:00Z', to: '2026-12-07T12:00:00Z' }],
};

describe('availability layers as calendar events', () => {
  const events = availabilityEvents(response, labels);
  const byId = new Map(events.map((e) => [e.id, e]));

  it('draws opening hours as background, closures and holidays with their reasons', () => {
    expect(byId.get('technician:0:open:0')).toMatchObject({
      display: 'background',
      start: '2026-12-07T07:00:00Z',
      end: '2026-12-07T16:00:00Z',
      color: AVAILABILITY_COLOURS.open,
      title: '',
      extendedProps: { meaning: 'open', label: 'open Milan centre hours' },
    });
    expect(byId.get('technician:0:holiday:0')).toMatchObject({
      title: 'holiday: Immacolata Concezione',
      color: AVAILABILITY_COLOURS.holiday,
    });
    expect(byId.get('technician:1:closure:0')).toMatchObject({
      title: 'closed: leave (Anna Rossi)',
      color: AVAILABILITY_COLOURS.closure,
    });
    expect(byId.get('site:0:closure:0')).toMatchObject({ title: 'closed: site closed (Branch access)' });
    expect(byId.get('technician:1:closure:0')?.display).toBeUndefined();
  });

  it('shows each side available in its colour and the intersection when both were asked', () => {
    expect(byId.get('technician:available:0')).toMatchObject({
      extendedProps: { label: 'Anna Rossi available' },
      color: AVAILABILITY_COLOURS.technicianAvailable,
    });
    expect(byId.get('site:available:0')).toMatchObject({
      extendedProps: { label: 'Bank branch available' },
      color: AVAILABILITY_COLOURS.siteAvailable,
    });
    expect(byId.get('technician:available:0')?.display).toBe('background');
    expect(byId.get('both:0')?.display).toBeUndefined();
    expect(byId.get('both:0')).toMatchObject({
      title: 'both',
      start: '2026-12-07T08:00:00Z',
      extendedProps: { meaning: 'both', label: 'both' },
    });
  });

  it('gives every event a distinct id and maps nothing for a side not asked', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events).toHaveLength(8);
    const siteOnly = availabilityEvents(
      { from: response.from, to: response.to, ...(response.site ? { site: response.site } : {}) },
      labels,
    );
    expect(siteOnly.every((e) => String(e.id).startsWith('site:'))).toBe(true);
    // One side alone: its availability is the answer, drawn as events.
    expect(siteOnly.find((e) => e.id === 'site:available:0')).toMatchObject({
      title: 'Bank branch available',
    });
    expect(siteOnly.find((e) => e.id === 'site:available:0')?.display).toBeUndefined();
  });

  it('pads the visible range by a day each side, in UTC', () => {
    expect(paddedRange(new Date('2026-12-07T00:00:00+01:00'), new Date('2026-12-14T00:00:00+01:00'))).toEqual(
      {
        from: '2026-12-05T23:00:00.000Z',
        to: '2026-12-14T23:00:00.000Z',
      },
    );
  });
});
