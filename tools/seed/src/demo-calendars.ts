import type { DemoRecord } from './demo-record';

const day = (...intervals: [string, string][]) => intervals.map(([from, to]) => ({ from, to }));
const weekdays = (intervals: { from: string; to: string }[]) => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});
const everyDay = (intervals: { from: string; to: string }[]) => ({
  ...weekdays(intervals),
  sat: intervals,
  sun: intervals,
});

/**
 * The shared calendar layers: the countries' working hours with their public holidays (Italy,
 * Bavaria, Hamburg), access windows of sites (banks, shops) and the service hours of contracts.
 * Technicians' own calendars (leave, training) are made with the technicians.
 */
export function demoCalendars(): DemoRecord[] {
  const it = weekdays(day(['08:00', '12:30'], ['13:30', '17:30']));
  const de = weekdays(day(['07:30', '12:00'], ['12:30', '16:30']));
  return [
    {
      code: 'CAL-IT',
      name: 'Orario di lavoro Italia',
      purpose: 'working-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: it,
      holidays: { country: 'IT' },
    },
    {
      code: 'CAL-DE-BY',
      name: 'Arbeitszeit Bayern',
      purpose: 'working-hours',
      timeZone: 'Europe/Berlin',
      weeklyHours: de,
      holidays: { country: 'DE', subdivision: 'BY' },
    },
    {
      code: 'CAL-DE-HH',
      name: 'Arbeitszeit Hamburg',
      purpose: 'working-hours',
      timeZone: 'Europe/Berlin',
      weeklyHours: de,
      holidays: { country: 'DE', subdivision: 'HH' },
    },
    {
      code: 'CAL-ACCESS-BANK-IT',
      name: 'Banche: accesso lun–ven 08:30–13:30',
      purpose: 'site-access',
      timeZone: 'Europe/Rome',
      weeklyHours: weekdays(day(['08:30', '13:30'])),
      holidays: { country: 'IT' },
    },
    {
      code: 'CAL-ACCESS-BANK-DE',
      name: 'Banken: Zugang Mo–Fr 08:30–13:00',
      purpose: 'site-access',
      timeZone: 'Europe/Berlin',
      weeklyHours: weekdays(day(['08:30', '13:00'])),
      holidays: { country: 'DE', subdivision: 'BY' },
    },
    {
      code: 'CAL-ACCESS-SHOP-IT',
      name: 'Negozi: accesso lun–sab 09:00–19:30',
      purpose: 'site-access',
      timeZone: 'Europe/Rome',
      weeklyHours: { ...weekdays(day(['09:00', '19:30'])), sat: day(['09:00', '19:30']) },
      exceptions: [{ kind: 'closed', from: '2026-08-10', to: '2026-08-23', reason: 'Chiusura estiva' }],
    },
    {
      code: 'CAL-SVC-24-7',
      name: 'Service 24/7',
      purpose: 'service-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: everyDay(day(['00:00', '23:59'])),
    },
    {
      code: 'CAL-SVC-STD-IT',
      name: 'Orario di servizio lun–ven 08:00–18:00',
      purpose: 'service-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: weekdays(day(['08:00', '18:00'])),
      holidays: { country: 'IT' },
    },
    {
      code: 'CAL-SVC-EXT-IT',
      name: 'Orario di servizio esteso lun–sab 07:00–21:00',
      purpose: 'service-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: { ...weekdays(day(['07:00', '21:00'])), sat: day(['07:00', '21:00']) },
      holidays: { country: 'IT' },
    },
    {
      code: 'CAL-SVC-STD-DE',
      name: 'Servicezeit Mo–Fr 08:00–18:00',
      purpose: 'service-hours',
      timeZone: 'Europe/Berlin',
      weeklyHours: weekdays(day(['08:00', '18:00'])),
      holidays: { country: 'DE' },
    },
    {
      code: 'CAL-SVC-EXT-DE',
      name: 'Servicezeit erweitert Mo–Sa 07:00–21:00',
      purpose: 'service-hours',
      timeZone: 'Europe/Berlin',
      weeklyHours: { ...weekdays(day(['07:00', '21:00'])), sat: day(['07:00', '21:00']) },
      holidays: { country: 'DE' },
    },
  ];
}
