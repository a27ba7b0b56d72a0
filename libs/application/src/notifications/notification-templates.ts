import type { NotificationSeverity, NotificationTopic, SlaClockName } from '@fieldstream/domain';

/** What a notification says, gathered from the event and the request, before it is worded. */
export type NotificationFacts = {
  topic: NotificationTopic;
  reference: string;
  priority: string;
  customerName: string;
  siteName: string;
  description: string;
  slot?: { start: string; end: string };
  technicianNames?: string[];
  reason?: string;
  /** Minutes a technician on the way expects to need. */
  etaMinutes?: number;
  sla?: { clock: SlaClockName; percent: number; deadline?: string | null };
  escalation?: { level: number; acknowledgeBy?: string };
};

export type WordedNotification = { title: string; body: string; severity: NotificationSeverity };

type Language = 'it' | 'en';

function when(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

const CLOCK: Record<Language, Record<SlaClockName, string>> = {
  it: { response: 'intervento', restoration: 'ripristino' },
  en: { response: 'response', restoration: 'restoration' },
};

/**
 * Every topic worded in Italian and English, with the request's details a reader needs to act
 * without opening the application (reference, customer, site, what is wrong, when). Times are in
 * the recipient's own zone.
 */
export function wordNotification(
  facts: NotificationFacts,
  language: Language,
  timeZone: string,
): WordedNotification {
  const it = language === 'it';
  const at = (iso: string) => when(iso, language, timeZone);
  const where = `${facts.customerName} — ${facts.siteName}`;
  const slot = facts.slot ? at(facts.slot.start) : '';
  const who = facts.technicianNames?.join(', ') ?? '';
  const what = facts.description.length > 160 ? `${facts.description.slice(0, 157)}…` : facts.description;
  const lines = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join('\n');
  switch (facts.topic) {
    case 'request-opened':
      return {
        severity: facts.priority === 'critical' ? 'warning' : 'info',
        title: it ? `Nuova richiesta ${facts.reference}` : `New request ${facts.reference}`,
        body: lines(where, what),
      };
    case 'assignment':
      return {
        severity: 'info',
        title: it ? `${facts.reference} pianificata ${slot}` : `${facts.reference} planned ${slot}`,
        body: lines(where, what, who && (it ? `Tecnici: ${who}` : `Technicians: ${who}`)),
      };
    case 'reschedule':
      return {
        severity: 'info',
        title: it ? `${facts.reference} spostata a ${slot}` : `${facts.reference} moved to ${slot}`,
        body: lines(where, facts.reason && (it ? `Motivo: ${facts.reason}` : `Reason: ${facts.reason}`)),
      };
    case 'unassignment':
      return {
        severity: 'info',
        title: it
          ? `${facts.reference} tolta dalla tua agenda`
          : `${facts.reference} removed from your agenda`,
        body: lines(where, facts.reason && (it ? `Motivo: ${facts.reason}` : `Reason: ${facts.reason}`)),
      };
    case 'renounce':
      return {
        severity: 'warning',
        title: it ? `${who} rinuncia a ${facts.reference}` : `${who} gave up ${facts.reference}`,
        body: lines(where, facts.reason && (it ? `Motivo: ${facts.reason}` : `Reason: ${facts.reason}`)),
      };
    case 'technician-on-the-way': {
      const arrival =
        facts.etaMinutes !== undefined
          ? it
            ? `Arrivo previsto tra circa ${facts.etaMinutes} minuti.`
            : `Expected in about ${facts.etaMinutes} minutes.`
          : undefined;
      return {
        severity: 'info',
        title: it
          ? `${facts.reference}: il tecnico è in viaggio`
          : `${facts.reference}: the technician is on the way`,
        body: lines(where, who && (it ? `Tecnico: ${who}` : `Technician: ${who}`), arrival),
      };
    }
    case 'suspension':
      return {
        severity: 'info',
        title: it ? `${facts.reference} sospesa` : `${facts.reference} on hold`,
        body: lines(where, facts.reason && (it ? `Motivo: ${facts.reason}` : `Reason: ${facts.reason}`)),
      };
    case 'closure':
      return {
        severity: 'info',
        title: it ? `${facts.reference} completata` : `${facts.reference} completed`,
        body: lines(where, what),
      };
    case 'cancellation':
      return {
        severity: 'info',
        title: it ? `${facts.reference} annullata` : `${facts.reference} cancelled`,
        body: lines(where, facts.reason && (it ? `Motivo: ${facts.reason}` : `Reason: ${facts.reason}`)),
      };
    case 'sla-alarm': {
      const sla = facts.sla!;
      return {
        severity: sla.percent >= 75 ? 'warning' : 'info',
        title: it
          ? `${facts.reference}: ${sla.percent}% del tempo di ${CLOCK.it[sla.clock]}`
          : `${facts.reference}: ${sla.percent}% of the ${CLOCK.en[sla.clock]} time`,
        body: lines(
          where,
          sla.deadline && (it ? `Scadenza: ${at(sla.deadline)}` : `Deadline: ${at(sla.deadline)}`),
        ),
      };
    }
    case 'sla-breach': {
      const sla = facts.sla!;
      return {
        severity: 'critical',
        title: it
          ? `${facts.reference}: scaduto il tempo di ${CLOCK.it[sla.clock]}`
          : `${facts.reference}: ${CLOCK.en[sla.clock]} deadline missed`,
        body: lines(
          where,
          sla.deadline && (it ? `Scadenza: ${at(sla.deadline)}` : `Deadline: ${at(sla.deadline)}`),
          what,
        ),
      };
    }
    case 'escalation': {
      const sla = facts.sla!;
      const escalation = facts.escalation!;
      return {
        severity: 'critical',
        title: it
          ? `Escalation livello ${escalation.level}: ${facts.reference}`
          : `Escalation level ${escalation.level}: ${facts.reference}`,
        body: lines(
          where,
          it
            ? `${sla.percent}% del tempo di ${CLOCK.it[sla.clock]}${sla.deadline ? `, scadenza ${at(sla.deadline)}` : ''}`
            : `${sla.percent}% of the ${CLOCK.en[sla.clock]} time${sla.deadline ? `, deadline ${at(sla.deadline)}` : ''}`,
          escalation.acknowledgeBy &&
            (it
              ? `Conferma la presa in carico entro ${at(escalation.acknowledgeBy)}`
              : `Acknowledge by ${at(escalation.acknowledgeBy)}`),
        ),
      };
    }
  }
}
