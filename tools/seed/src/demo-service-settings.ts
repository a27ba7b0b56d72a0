import type { DemoRecord } from './demo-record';

/**
 * Who is alerted when deadlines come close, level by level: critical requests reach the desk at
 * half time (to be acknowledged within half an hour), the centre's managers at 90 % and the head
 * office at the deadline; any other request the desk at 75 % and the managers at the deadline.
 */
export function demoEscalationChains(): DemoRecord[] {
  return [
    {
      code: 'ESC-CRITICAL',
      name: 'Richieste critiche',
      priorities: ['critical'],
      levels: [
        {
          percent: 50,
          audiences: ['unit-dispatchers'],
          channels: ['inbox', 'email'],
          acknowledgeWithinMinutes: 30,
        },
        { percent: 90, audiences: ['unit-managers'], channels: ['inbox', 'email', 'sms'] },
        { percent: 100, audiences: ['head-office'], channels: ['inbox', 'email'] },
      ],
    },
    {
      code: 'ESC-STANDARD',
      name: 'Tutte le altre richieste',
      levels: [
        { percent: 75, audiences: ['unit-dispatchers'], channels: ['inbox'] },
        { percent: 100, audiences: ['unit-managers'], channels: ['inbox', 'email'] },
      ],
    },
  ];
}

/** Preventive maintenance the demo customers' machines are under: by the calendar and by meters. */
export function demoMaintenancePlans(): DemoRecord[] {
  return [
    {
      code: 'PM-LIFT-MONTHLY',
      name: 'Verifica mensile ascensori',
      assetModelCodes: ['LIFT-MRL-630'],
      calendar: { rrule: 'FREQ=MONTHLY;BYDAY=1MO', startDate: '2026-01-01' },
      leadDays: 10,
      priority: 'normal',
      description: 'Verifica periodica: funi, freni, dispositivi di sicurezza, prova di allarme in cabina',
    },
    {
      code: 'PM-CHILLER-HALFYEAR',
      name: 'Manutenzione semestrale refrigeratori',
      assetModelCodes: ['CHIL-AIR-250'],
      calendar: { rrule: 'FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO', startDate: '2026-06-01' },
      leadDays: 14,
      priority: 'low',
      description: 'Pulizia batterie, controllo carica refrigerante e perdite (F-gas), serraggi elettrici',
    },
    {
      code: 'PM-BOILER-HOURS',
      name: 'Bruciatore ogni 500 ore',
      assetModelCodes: ['BOIL-IND-300'],
      meter: { meter: 'burner-hours', every: 500, openBefore: 25 },
      priority: 'low',
      description: 'Pulizia ugello ed elettrodi, analisi dei fumi',
    },
  ];
}
