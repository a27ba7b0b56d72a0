import {
  SERVICE_REQUEST_EVENT_TYPES,
  type ServiceRequestEvent,
  type ServiceRequestEventType,
} from '@fieldstream/domain';
import { type TimelineWordingContext, describeTimelineEvent, techniciansNamedIn } from './timeline-wording';

const ID = '0b8e2a52-8c53-4a0b-9a3e-1f2d3c4b5a69';
const FOLLOW_UP = 'f0110000-0000-4000-8000-000000000000';
const base = { requestId: ID, at: '2026-11-26T08:00:00.000Z' };
// 09:00–11:00 in Rome (CET, UTC+1).
const anna = {
  technicianCode: 'T-MI-1',
  appointmentId: 'ap-1',
  start: '2026-11-27T08:00:00.000Z',
  durationMinutes: 120,
  end: '2026-11-27T10:00:00.000Z',
};
const bruno = {
  technicianCode: 'T-MI-2',
  start: '2026-11-27T08:00:00.000Z',
  durationMinutes: 60,
  end: '2026-11-27T09:00:00.000Z',
};

const SUSPENDED_NOTE =
  'The appointment of T-MI-1 (2026-11-27T08:00:00.000Z – 2026-11-27T10:00:00.000Z) is suspended for emergency SR-1A2B3C4D; the assignment stays.';
const REMOVED_NOTE =
  'The appointment of T-MI-1 (2026-11-27T08:00:00.000Z – 2026-11-27T10:00:00.000Z) was removed for emergency SR-1A2B3C4D.';

const context = (language: 'it' | 'en', timeZone = 'Europe/Rome'): TimelineWordingContext => ({
  language,
  timeZone,
  technicianNames: { 'T-MI-1': 'Anna Bianchi', 'T-MI-2': 'Bruno Verdi' },
  conditionNames: { 'E-104': 'Burner lockout' },
});

/** One example of every event type, with the sentences it must read as in each language. */
const EXAMPLES: Record<
  ServiceRequestEventType,
  { event: ServiceRequestEvent; en: string; it: string; why?: string }[]
> = {
  ServiceRequestOpened: [
    {
      event: {
        type: 'ServiceRequestOpened',
        data: {
          ...base,
          source: 'desk',
          customerCode: 'ACME',
          siteCode: 'S-ACME-1',
          description: 'Boiler does not start',
          priority: 'high',
          conditionCodes: [],
          contact: { name: 'Front desk' },
          explicitAcceptance: true,
        },
      },
      en: 'Mario Rossi opened the request from the desk, priority high.',
      it: 'Mario Rossi ha aperto la richiesta dal desk, priorità alta.',
      why: 'Boiler does not start',
    },
    {
      event: {
        type: 'ServiceRequestOpened',
        data: {
          ...base,
          source: 'device',
          customerCode: 'ACME',
          siteCode: 'S-ACME-1',
          description: 'E-104',
          priority: 'critical',
          conditionCodes: ['E-104'],
          contact: { name: 'Front desk' },
          followUpOf: ID,
          explicitAcceptance: false,
        },
      },
      en: 'Mario Rossi opened the request from an alarm sent by the machine, priority critical. It follows up request SR-0B8E2A52.',
      it: "Mario Rossi ha aperto la richiesta da un allarme inviato dall'apparecchio, priorità critica. È il seguito della richiesta SR-0B8E2A52.",
      why: 'E-104',
    },
  ],
  ServiceRequestAccepted: [
    {
      event: {
        type: 'ServiceRequestAccepted',
        data: { ...base, automatic: false, note: 'Customer called twice' },
      },
      en: 'Mario Rossi accepted the request.',
      it: 'Mario Rossi ha accettato la richiesta.',
      why: 'Customer called twice',
    },
    {
      event: { type: 'ServiceRequestAccepted', data: { ...base, automatic: true } },
      en: 'The request was accepted automatically: the organisation does not require explicit acceptance.',
      it: "La richiesta è stata accettata automaticamente: l'organizzazione non richiede l'accettazione esplicita.",
    },
  ],
  ServiceRequestRejected: [
    {
      event: { type: 'ServiceRequestRejected', data: { ...base, diagnosis: 'Not our boiler' } },
      en: 'Mario Rossi rejected the request.',
      it: 'Mario Rossi ha rifiutato la richiesta.',
      why: 'Not our boiler',
    },
  ],
  ServiceRequestConditionAttached: [
    {
      event: {
        type: 'ServiceRequestConditionAttached',
        data: { ...base, conditionCode: 'E-104', foundOnSite: false },
      },
      en: 'Mario Rossi added condition Burner lockout (E-104).',
      it: 'Mario Rossi ha aggiunto la condizione Burner lockout (E-104).',
    },
    {
      event: {
        type: 'ServiceRequestConditionAttached',
        data: { ...base, conditionCode: 'LEAK', foundOnSite: true, technicianCode: 'T-MI-1' },
      },
      en: 'Anna Bianchi (T-MI-1) found condition LEAK on site.',
      it: 'Anna Bianchi (T-MI-1) ha riscontrato sul posto la condizione LEAK.',
    },
  ],
  ServiceRequestConditionDetached: [
    {
      event: { type: 'ServiceRequestConditionDetached', data: { ...base, conditionCode: 'E-104' } },
      en: 'Mario Rossi removed condition Burner lockout (E-104).',
      it: 'Mario Rossi ha tolto la condizione Burner lockout (E-104).',
    },
  ],
  ServiceRequestRemotelyResolved: [
    {
      event: {
        type: 'ServiceRequestRemotelyResolved',
        data: { ...base, resolution: 'Reset by phone', releasedAssignments: [anna] },
      },
      en: 'Mario Rossi resolved the request remotely: no visit is needed. Planned visits released: Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00.',
      it: 'Mario Rossi ha risolto la richiesta da remoto: non serve un intervento sul posto. Interventi pianificati liberati: Anna Bianchi (T-MI-1) il 27 nov 2026 dalle 09:00 alle 11:00.',
      why: 'Reset by phone',
    },
  ],
  ServiceRequestTechniciansAssigned: [
    {
      event: {
        type: 'ServiceRequestTechniciansAssigned',
        data: { ...base, assignments: [anna], synchronized: false },
      },
      en: 'Mario Rossi assigned Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00.',
      it: 'Mario Rossi ha assegnato Anna Bianchi (T-MI-1) il 27 nov 2026 dalle 09:00 alle 11:00.',
    },
    {
      event: {
        type: 'ServiceRequestTechniciansAssigned',
        data: { ...base, assignments: [anna, bruno], synchronized: true },
      },
      en: 'Mario Rossi assigned Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00 and Bruno Verdi (T-MI-2) on 27 Nov 2026 from 09:00 to 10:00. They work together as one crew.',
      it: 'Mario Rossi ha assegnato Anna Bianchi (T-MI-1) il 27 nov 2026 dalle 09:00 alle 11:00 e Bruno Verdi (T-MI-2) il 27 nov 2026 dalle 09:00 alle 10:00. Lavorano insieme come unica squadra.',
    },
  ],
  ServiceRequestRescheduled: [
    {
      event: {
        type: 'ServiceRequestRescheduled',
        data: {
          ...base,
          technicianCode: 'T-MI-1',
          previous: anna,
          // 1 Dec 2026, 15:30–17:00 in Rome.
          assignment: {
            ...anna,
            start: '2026-12-01T14:30:00.000Z',
            durationMinutes: 90,
            end: '2026-12-01T16:00:00.000Z',
          },
          reason: 'Customer is away on Friday',
        },
      },
      en: 'Mario Rossi rescheduled Anna Bianchi (T-MI-1): now on 1 Dec 2026 from 15:30 to 17:00, before on 27 Nov 2026 from 09:00 to 11:00.',
      it: "Mario Rossi ha spostato Anna Bianchi (T-MI-1): ora l'1 dic 2026 dalle 15:30 alle 17:00, prima il 27 nov 2026 dalle 09:00 alle 11:00.",
      why: 'Customer is away on Friday',
    },
  ],
  ServiceRequestUnassigned: [
    {
      event: {
        type: 'ServiceRequestUnassigned',
        data: { ...base, assignment: bruno, reason: 'One is enough', backToDispatch: false },
      },
      en: 'Mario Rossi took Bruno Verdi (T-MI-2) on 27 Nov 2026 from 09:00 to 10:00 off the request.',
      it: 'Mario Rossi ha tolto dalla richiesta Bruno Verdi (T-MI-2) il 27 nov 2026 dalle 09:00 alle 10:00.',
      why: 'One is enough',
    },
    {
      event: {
        type: 'ServiceRequestUnassigned',
        data: {
          ...base,
          assignment: anna,
          reason: 'Displaced by emergency SR-1A2B3C4D',
          backToDispatch: true,
        },
      },
      en: 'The assignment of Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00 was taken away to make room for emergency SR-1A2B3C4D. No technician is left: the request is back to dispatch.',
      it: "L'assegnazione di Anna Bianchi (T-MI-1) il 27 nov 2026 dalle 09:00 alle 11:00 è stata tolta per far posto all'emergenza SR-1A2B3C4D. Non resta nessun tecnico: la richiesta torna da pianificare.",
      why: 'Displaced by emergency SR-1A2B3C4D',
    },
  ],
  ServiceRequestSuspended: [
    {
      event: {
        type: 'ServiceRequestSuspended',
        data: { ...base, reason: 'Waiting for a part', until: '2026-12-08T08:00:00.000Z', from: 'assigned' },
      },
      en: 'Mario Rossi suspended the request until 8 Dec 2026 at 09:00. On resuming it will be planned again.',
      it: "Mario Rossi ha sospeso la richiesta fino all'8 dic 2026 alle 09:00. Alla ripresa tornerà pianificata.",
      why: 'Waiting for a part',
    },
  ],
  ServiceRequestResumed: [
    {
      event: { type: 'ServiceRequestResumed', data: { ...base, to: 'in-progress' } },
      en: 'Mario Rossi resumed the request: it is in progress again.',
      it: 'Mario Rossi ha ripreso la richiesta: è di nuovo in corso.',
    },
  ],
  ServiceRequestCancelled: [
    {
      event: {
        type: 'ServiceRequestCancelled',
        data: { ...base, reason: 'Duplicate', releasedAssignments: [] },
      },
      en: 'Mario Rossi cancelled the request.',
      it: 'Mario Rossi ha annullato la richiesta.',
      why: 'Duplicate',
    },
  ],
  ServiceRequestRenounced: [
    {
      event: {
        type: 'ServiceRequestRenounced',
        data: {
          ...base,
          technicianCode: 'T-MI-1',
          reasonCode: 'VEHICLE',
          text: 'Van broke down',
          assignment: anna,
          backToDispatch: true,
        },
      },
      en: 'Anna Bianchi (T-MI-1) gave up the visit on 27 Nov 2026 from 09:00 to 11:00, reason: Vehicle problem. No technician is left: the request is back to dispatch.',
      it: "Anna Bianchi (T-MI-1) ha rinunciato all'intervento il 27 nov 2026 dalle 09:00 alle 11:00, motivo: Problema al veicolo. Non resta nessun tecnico: la richiesta torna da pianificare.",
      why: 'Van broke down',
    },
  ],
  ServiceRequestTechnicianOnTheWay: [
    {
      event: {
        type: 'ServiceRequestTechnicianOnTheWay',
        data: { ...base, at: '2026-11-27T07:40:00.000Z', technicianCode: 'T-MI-1', etaMinutes: 25 },
      },
      en: 'Anna Bianchi (T-MI-1) set out for the site (27 Nov 2026 at 08:40), expected in about 25 min.',
      it: 'Anna Bianchi (T-MI-1) è in viaggio verso il sito (27 nov 2026 alle 08:40), arrivo previsto tra circa 25 min.',
    },
    {
      event: {
        type: 'ServiceRequestTechnicianOnTheWay',
        data: { ...base, at: '2026-11-27T07:40:00.000Z', technicianCode: 'T-MI-1' },
      },
      en: 'Anna Bianchi (T-MI-1) set out for the site (27 Nov 2026 at 08:40).',
      it: 'Anna Bianchi (T-MI-1) è in viaggio verso il sito (27 nov 2026 alle 08:40).',
    },
  ],
  ServiceRequestWorkStarted: [
    {
      event: {
        type: 'ServiceRequestWorkStarted',
        data: { ...base, at: '2026-11-27T08:05:00.000Z', technicianCode: 'T-MI-1' },
      },
      en: 'Anna Bianchi (T-MI-1) arrived on site and started work (27 Nov 2026 at 09:05).',
      it: 'Anna Bianchi (T-MI-1) è sul posto e ha iniziato il lavoro (27 nov 2026 alle 09:05).',
    },
  ],
  ServiceRequestNoteAdded: [
    {
      event: { type: 'ServiceRequestNoteAdded', data: { ...base, text: 'Pump is noisy' } },
      en: 'Mario Rossi added a note.',
      it: 'Mario Rossi ha aggiunto una nota.',
      why: 'Pump is noisy',
    },
    {
      // What the command side notes on a request whose appointment an emergency suspended.
      event: { type: 'ServiceRequestNoteAdded', data: { ...base, text: SUSPENDED_NOTE } },
      en: 'The appointment of Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00 is suspended for emergency SR-1A2B3C4D; the assignment stays.',
      it: "L'appuntamento di Anna Bianchi (T-MI-1) il 27 nov 2026 dalle 09:00 alle 11:00 è sospeso per l'emergenza SR-1A2B3C4D; l'assegnazione resta.",
      why: SUSPENDED_NOTE,
    },
    {
      event: { type: 'ServiceRequestNoteAdded', data: { ...base, text: REMOVED_NOTE } },
      en: 'The appointment of Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00 was removed to make room for emergency SR-1A2B3C4D.',
      it: "L'appuntamento di Anna Bianchi (T-MI-1) il 27 nov 2026 dalle 09:00 alle 11:00 è stato tolto per far posto all'emergenza SR-1A2B3C4D.",
      why: REMOVED_NOTE,
    },
  ],
  ServiceRequestDeviceSignalRecorded: [
    {
      event: {
        type: 'ServiceRequestDeviceSignalRecorded',
        data: {
          ...base,
          assetCode: 'BOILER-7',
          kind: 'raised',
          code: 'E104',
          message: 'Burner lockout',
          afterClosing: false,
        },
      },
      en: 'The device of BOILER-7 reported E104.',
      it: 'Il dispositivo di BOILER-7 ha segnalato E104.',
      why: 'Burner lockout',
    },
    {
      event: {
        type: 'ServiceRequestDeviceSignalRecorded',
        data: {
          ...base,
          assetCode: 'BOILER-7',
          kind: 'repeated',
          code: 'E104',
          count: 9999,
          afterClosing: false,
        },
      },
      en: 'The device of BOILER-7 reported E104 9999 more times.',
      it: 'Il dispositivo di BOILER-7 ha segnalato E104 altre 9999 volte.',
    },
    {
      event: {
        type: 'ServiceRequestDeviceSignalRecorded',
        data: { ...base, assetCode: 'BOILER-7', kind: 'cleared', code: 'E104', afterClosing: true },
      },
      en: 'The device of BOILER-7 cleared E104 after the request closed: the fix is confirmed.',
      it: 'Il dispositivo di BOILER-7 ha segnalato il rientro di E104 dopo la chiusura: la riparazione è confermata.',
    },
    {
      event: {
        type: 'ServiceRequestDeviceSignalRecorded',
        data: { ...base, assetCode: 'BOILER-7', kind: 'went-silent', since: base.at, afterClosing: false },
      },
      en: 'The device of BOILER-7 has been silent since 26 Nov 2026 at 09:00.',
      it: 'Il dispositivo di BOILER-7 non dà segni di vita dal 26 nov 2026 alle 09:00.',
    },
    {
      event: {
        type: 'ServiceRequestDeviceSignalRecorded',
        data: { ...base, assetCode: 'BOILER-7', kind: 'back-online', afterClosing: false },
      },
      en: 'The device of BOILER-7 is back online.',
      it: 'Il dispositivo di BOILER-7 è di nuovo in linea.',
    },
  ],
  ServiceRequestFollowUpOpened: [
    {
      event: {
        type: 'ServiceRequestFollowUpOpened',
        data: { ...base, followUpRequestId: FOLLOW_UP, reason: 'Pump worn' },
      },
      en: 'Mario Rossi opened follow-up request SR-F0110000.',
      it: 'Mario Rossi ha aperto la richiesta di seguito SR-F0110000.',
      why: 'Pump worn',
    },
  ],
  ServiceRequestClosed: [
    {
      event: {
        type: 'ServiceRequestClosed',
        data: {
          ...base,
          estimate: { labourMinutes: 180, technicianCodes: ['T-MI-1', 'T-MI-2'] },
          actuals: {
            labourMinutes: 150,
            travelMinutes: 40,
            travelKm: 32.5,
            materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
            correctiveActions: ['Replaced filter', 'Bled radiators'],
            resolution: 'Boiler restarted',
          },
        },
      },
      en: 'Mario Rossi closed the request: 2 h 30 min of work (estimate 3 h), 40 min of travel, 32.5 km, materials: 1 × FILTER from VAN-T-MI-1. Corrective actions: Replaced filter; Bled radiators.',
      it: 'Mario Rossi ha chiuso la richiesta: 2 h 30 min di lavoro (stima 3 h), 40 min di viaggio, 32,5 km, materiali: 1 × FILTER da VAN-T-MI-1. Azioni correttive: Replaced filter; Bled radiators.',
      why: 'Boiler restarted',
    },
  ],
  ServiceRequestReopened: [
    {
      event: {
        type: 'ServiceRequestReopened',
        data: {
          ...base,
          reason: 'Fault is back',
          closedAt: '2026-11-11T10:00:00.000Z',
          reopenWindowDays: 14,
        },
      },
      en: 'Mario Rossi reopened the request closed on 11 Nov 2026: it is back to dispatch.',
      it: "Mario Rossi ha riaperto la richiesta chiusa l'11 nov 2026: torna da pianificare.",
      why: 'Fault is back',
    },
  ],
};

describe('describeTimelineEvent', () => {
  it('has examples for every one of the request’s event types', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...SERVICE_REQUEST_EVENT_TYPES].sort());
  });

  describe.each(['en', 'it'] as const)('in %s', (language) => {
    const cases = Object.values(EXAMPLES).flatMap((examples) =>
      examples.map((example) => [example.event.type, example] as const),
    );
    it.each(cases)('tells %s in plain words, with its why', (_type, example) => {
      const wording = describeTimelineEvent(example.event, 'Mario Rossi', context(language));
      expect(wording.text).toBe(example[language]);
      expect(wording.why).toBe(example.why);
    });
  });

  it('tells times in the site’s zone', () => {
    const assigned = EXAMPLES.ServiceRequestTechniciansAssigned[0]!.event;
    expect(describeTimelineEvent(assigned, 'Desk', context('en', 'America/New_York')).text).toBe(
      'Desk assigned Anna Bianchi (T-MI-1) on 27 Nov 2026 from 03:00 to 05:00.',
    );
  });

  it('spans days when a slot ends on another day', () => {
    const overnight = {
      ...anna,
      start: '2026-11-29T22:00:00.000Z',
      end: '2026-11-30T02:00:00.000Z',
      durationMinutes: 240,
    };
    const event: ServiceRequestEvent = {
      type: 'ServiceRequestTechniciansAssigned',
      data: { ...base, assignments: [overnight], synchronized: false },
    };
    expect(describeTimelineEvent(event, 'Desk', context('en')).text).toBe(
      'Desk assigned Anna Bianchi (T-MI-1) from 29 Nov 2026 23:00 to 30 Nov 2026 03:00.',
    );
    expect(describeTimelineEvent(event, 'Desk', context('it')).text).toBe(
      'Desk ha assegnato Anna Bianchi (T-MI-1) dal 29 nov 2026 23:00 al 30 nov 2026 03:00.',
    );
  });

  it('tells an unknown technician or condition by code, and uses the organisation’s renounce reasons', () => {
    const renounced: ServiceRequestEvent = {
      type: 'ServiceRequestRenounced',
      data: {
        ...base,
        technicianCode: 'T-X',
        reasonCode: 'STRIKE',
        text: 'Strike',
        assignment: { ...anna, technicianCode: 'T-X' },
        backToDispatch: false,
      },
    };
    expect(describeTimelineEvent(renounced, 'Desk', context('en')).text).toBe(
      'T-X gave up the visit on 27 Nov 2026 from 09:00 to 11:00, reason: STRIKE.',
    );
    expect(
      describeTimelineEvent(renounced, 'Desk', { ...context('it'), renounceReasons: { STRIKE: 'Sciopero' } })
        .text,
    ).toBe("T-X ha rinunciato all'intervento il 27 nov 2026 dalle 09:00 alle 11:00, motivo: Sciopero.");
  });

  it('says that nothing was used when a closing lists no materials', () => {
    const closed: ServiceRequestEvent = {
      type: 'ServiceRequestClosed',
      data: {
        ...base,
        estimate: { labourMinutes: 45, technicianCodes: ['T-MI-1'] },
        actuals: {
          labourMinutes: 45,
          travelMinutes: 0,
          travelKm: 0,
          materials: [],
          correctiveActions: [],
          resolution: 'Reset',
        },
      },
    };
    expect(describeTimelineEvent(closed, 'Anna', context('en')).text).toBe(
      'Anna closed the request: 45 min of work (estimate 45 min), 0 min of travel, 0 km, no materials.',
    );
  });

  it('says a suspension was caused by an emergency when its reason says so', () => {
    const suspended: ServiceRequestEvent = {
      type: 'ServiceRequestSuspended',
      data: { ...base, reason: 'Displaced by emergency SR-1A2B3C4D', from: 'assigned' },
    };
    expect(describeTimelineEvent(suspended, 'Desk', context('en')).text).toBe(
      'Desk suspended the request for emergency SR-1A2B3C4D. On resuming it will be planned again.',
    );
    expect(describeTimelineEvent(suspended, 'Desk', context('it')).text).toBe(
      "Desk ha sospeso la richiesta per l'emergenza SR-1A2B3C4D. Alla ripresa tornerà pianificata.",
    );
  });

  it('still says something about an event type it does not know', () => {
    expect(
      describeTimelineEvent({ type: 'ServiceRequestTeleported', data: {} }, 'Desk', context('en')),
    ).toEqual({
      text: 'Desk: ServiceRequestTeleported.',
    });
  });

  it('finds every technician an event names, so the timeline reads their names in one go', () => {
    const named = Object.values(EXAMPLES).flatMap((examples) =>
      examples.flatMap((e) => techniciansNamedIn(e.event)),
    );
    expect(new Set(named)).toEqual(new Set(['T-MI-1', 'T-MI-2']));
    expect(techniciansNamedIn(EXAMPLES.ServiceRequestRescheduled[0]!.event)).toEqual([
      'T-MI-1',
      'T-MI-1',
      'T-MI-1',
    ]);
    expect(techniciansNamedIn({ type: 'ServiceRequestNoteAdded', data: { text: SUSPENDED_NOTE } })).toEqual([
      'T-MI-1',
    ]);
    expect(techniciansNamedIn(EXAMPLES.ServiceRequestOpened[0]!.event)).toEqual([]);
  });
});
