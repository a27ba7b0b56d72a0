import type { EventInput } from '@fullcalendar/react';
import type { AvailabilityResponse, AvailabilitySide } from '../types/availability';
import { AVAILABILITY_COLOURS, type AvailabilityMeaning } from './availability-colours';

/** The words the events carry; passed in so the mapping stays pure and language-free. */
export interface AvailabilityEventLabels {
  open(layer: string): string;
  closure(reason: string, layer: string): string;
  holiday(name: string, layer: string): string;
  available(side: string): string;
  both(): string;
}

type SideRole = 'technician' | 'site';

function event(
  id: string,
  meaning: AvailabilityMeaning,
  from: string,
  to: string,
  title: string,
  background = false,
): EventInput {
  // Background events overlap one another, so their titles would print over each other: the
  // legend names them, and the words stay in `label` for whoever reads the event.
  return {
    id,
    title: background ? '' : title,
    start: from,
    end: to,
    color: AVAILABILITY_COLOURS[meaning],
    textColor: meaning === 'open' ? '#1b4332' : '#ffffff',
    ...(background ? { display: 'background' } : {}),
    extendedProps: { meaning, label: title },
  };
}

function sideEvents(
  role: SideRole,
  side: AvailabilitySide,
  labels: AvailabilityEventLabels,
  availableAsBackground: boolean,
): EventInput[] {
  const events: EventInput[] = [];
  side.layers.forEach((layer, layerIndex) => {
    const prefix = `${role}:${layerIndex}`;
    // Opening hours are the backdrop; what closes them and what remains are drawn on top.
    layer.open.forEach((interval, i) =>
      events.push(
        event(`${prefix}:open:${i}`, 'open', interval.from, interval.to, labels.open(layer.name), true),
      ),
    );
    layer.closures.forEach((closure, i) =>
      events.push(
        event(
          `${prefix}:closure:${i}`,
          'closure',
          closure.from,
          closure.to,
          labels.closure(closure.reason, layer.name),
        ),
      ),
    );
    layer.holidays.forEach((holiday, i) =>
      events.push(
        event(
          `${prefix}:holiday:${i}`,
          'holiday',
          holiday.from,
          holiday.to,
          labels.holiday(holiday.reason, layer.name),
        ),
      ),
    );
  });
  const meaning = role === 'technician' ? 'technicianAvailable' : 'siteAvailable';
  side.available.forEach((interval, i) =>
    events.push(
      event(
        `${role}:available:${i}`,
        meaning,
        interval.from,
        interval.to,
        labels.available(side.name),
        availableAsBackground,
      ),
    ),
  );
  return events;
}

/**
 * Every layer of the answer as calendar events: opening hours as background, closures and
 * holidays with their reasons, what each side leaves available, and (both chosen) the intersection,
 * which then stands out alone while each side's availability turns to background.
 * Times stay UTC instants; the calendar shows them in the time zone it is given.
 */
export function availabilityEvents(
  response: AvailabilityResponse,
  labels: AvailabilityEventLabels,
): EventInput[] {
  // With both sides asked, the intersection is the answer: each side's own availability steps back.
  const sideBackground = response.both !== undefined;
  return [
    ...(response.technician ? sideEvents('technician', response.technician, labels, sideBackground) : []),
    ...(response.site ? sideEvents('site', response.site, labels, sideBackground) : []),
    ...(response.both ?? []).map((interval, i) =>
      event(`both:${i}`, 'both', interval.from, interval.to, labels.both()),
    ),
  ];
}
