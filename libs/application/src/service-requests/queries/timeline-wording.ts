import { type Assignment, type ServiceRequestEvent, serviceRequestReference } from '@fieldstream/domain';
import {
  DEFAULT_RENOUNCE_REASONS,
  LOCALE,
  PRIORITY_LABELS,
  SOURCE_PHRASES,
  STATUS_LABELS,
  type WordingLanguage,
} from './wording-vocabulary';

/** What wording an event needs beyond the event itself: language, zone, names from master data. */
export interface TimelineWordingContext {
  language: WordingLanguage;
  /** IANA zone the times are told in: the site's. */
  timeZone: string;
  /** Technician code → name; a technician missing here is told by code alone. */
  technicianNames?: Readonly<Record<string, string>>;
  /** Condition code → name, from the catalogue. */
  conditionNames?: Readonly<Record<string, string>>;
  /** Renounce reason code → label (the organisation's, else the default ones). */
  renounceReasons?: Readonly<Record<string, string>>;
}

export interface TimelineWording {
  /** One or two sentences saying what happened, who and when, in plain words. */
  text: string;
  /** The reason, diagnosis, note or resolution the event carries, as it was typed. */
  why?: string;
}

/**
 * What the command side writes as the reason when an emergency takes a technician's slot (see
 * the service-request commands): recognised so the timeline can say so in the reader's language.
 */
const DISPLACED_BY_EMERGENCY = /^Displaced by emergency (SR-[0-9A-Z]+)/i;

/**
 * The note the command side adds to a request whose appointment an emergency suspended (or
 * removed, when the assignment could not be taken off): "The appointment of T-MI-1
 * (2026-11-27T08:00:00.000Z – 2026-11-27T10:00:00.000Z) is suspended for emergency SR-1A2B3C4D;
 * the assignment stays."
 */
const EMERGENCY_NOTE =
  /^The appointment of (\S+) \((\S+) – (\S+)\) (is suspended|was removed) for emergency (SR-[0-9A-Z]+)/i;

/** Technician codes an event names, wherever its type keeps them: the names a timeline needs. */
export function techniciansNamedIn(event: { type: string; data: unknown }): string[] {
  const codes: string[] = [];
  const take = (value: unknown) => {
    const code = (value as { technicianCode?: unknown } | null)?.technicianCode;
    if (typeof code === 'string') codes.push(code);
  };
  const data = (event.data ?? {}) as Record<string, unknown>;
  take(data);
  take(data['assignment']);
  take(data['previous']);
  for (const list of [data['assignments'], data['releasedAssignments']])
    if (Array.isArray(list)) list.forEach(take);
  if (event.type === 'ServiceRequestNoteAdded' && typeof data['text'] === 'string') {
    const code = EMERGENCY_NOTE.exec(data['text'])?.[1];
    if (code) codes.push(code);
  }
  return codes;
}

/** Days whose Italian numeral starts with a vowel sound take the elided article: l'1, dall'8, all'11. */
function italianArticle(article: 'il' | 'dal' | 'al', date: string): string {
  const elided = /^(1|8|11)\s/.test(date);
  if (!elided) return `${article} ${date}`;
  return `${{ il: 'l', dal: 'dall', al: 'all' }[article]}'${date}`;
}

class Teller {
  private readonly date: Intl.DateTimeFormat;
  private readonly time: Intl.DateTimeFormat;
  private readonly number: Intl.NumberFormat;

  constructor(private readonly context: TimelineWordingContext) {
    const locale = LOCALE[context.language];
    this.date = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: context.timeZone,
    });
    this.time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: context.timeZone,
    });
    this.number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  }

  get it(): boolean {
    return this.context.language === 'it';
  }

  technician(code: string): string {
    const name = this.context.technicianNames?.[code];
    return name ? `${name} (${code})` : code;
  }

  condition(code: string): string {
    const name = this.context.conditionNames?.[code];
    return name ? `${name} (${code})` : code;
  }

  renounceReason(code: string): string {
    return (
      this.context.renounceReasons?.[code] ??
      DEFAULT_RENOUNCE_REASONS[this.context.language].find((reason) => reason.code === code)?.label ??
      code
    );
  }

  /** "on 27 Nov 2026 from 09:00 to 11:00" / "il 27 nov 2026 dalle 09:00 alle 11:00". */
  slot(start: string, end: string): string {
    const [fromDate, toDate] = [this.date.format(new Date(start)), this.date.format(new Date(end))];
    const [fromTime, toTime] = [this.time.format(new Date(start)), this.time.format(new Date(end))];
    if (fromDate === toDate) {
      return this.it
        ? `${italianArticle('il', fromDate)} dalle ${fromTime} alle ${toTime}`
        : `on ${fromDate} from ${fromTime} to ${toTime}`;
    }
    return this.it
      ? `${italianArticle('dal', fromDate)} ${fromTime} ${italianArticle('al', toDate)} ${toTime}`
      : `from ${fromDate} ${fromTime} to ${toDate} ${toTime}`;
  }

  /** "27 Nov 2026 at 09:00" / "27 nov 2026 alle 09:00". */
  moment(instant: string): string {
    const date = this.date.format(new Date(instant));
    const time = this.time.format(new Date(instant));
    return this.it ? `${date} alle ${time}` : `${date} at ${time}`;
  }

  day(instant: string): string {
    return this.date.format(new Date(instant));
  }

  /** A technician with their slot: "Anna Bianchi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00". */
  assignment(assignment: Pick<Assignment, 'technicianCode' | 'start' | 'end'>): string {
    return `${this.technician(assignment.technicianCode)} ${this.slot(assignment.start, assignment.end)}`;
  }

  list(items: readonly string[]): string {
    if (items.length <= 1) return items.join('');
    const and = this.it ? ' e ' : ' and ';
    return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
  }

  minutes(total: number): string {
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    if (hours === 0) return `${minutes} min`;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }

  amount(value: number): string {
    return this.number.format(value);
  }

  /** The sentence added when a request is left with nobody planned. */
  backToDispatch(): string {
    return this.it
      ? ' Non resta nessun tecnico: la richiesta torna da pianificare.'
      : ' No technician is left: the request is back to dispatch.';
  }

  released(assignments: readonly Assignment[]): string {
    if (assignments.length === 0) return '';
    const list = this.list(assignments.map((a) => this.assignment(a)));
    return this.it ? ` Interventi pianificati liberati: ${list}.` : ` Planned visits released: ${list}.`;
  }
}

/** The why, only when the event carries a non-empty one. */
function because(text: string | undefined): { why?: string } {
  return text !== undefined && text.trim() !== '' ? { why: text } : {};
}

/** A timeline tells all its events with one context: its formatters are made once, not per event. */
const tellers = new WeakMap<TimelineWordingContext, Teller>();

function tellerOf(context: TimelineWordingContext): Teller {
  let teller = tellers.get(context);
  if (!teller) tellers.set(context, (teller = new Teller(context)));
  return teller;
}

/**
 * Tells one event of a request's history in plain words, in the reader's language, with times in
 * the site's zone. Pure: the names it needs come in the context, read once for the whole timeline.
 */
export function describeTimelineEvent(
  event: { type: string; data: unknown },
  actorName: string,
  context: TimelineWordingContext,
): TimelineWording {
  const t = tellerOf(context);
  const it = t.it;
  const actor = actorName;
  const known = event as ServiceRequestEvent;
  switch (known.type) {
    case 'ServiceRequestOpened': {
      const { data } = known;
      const priority = PRIORITY_LABELS[context.language][data.priority];
      const source = SOURCE_PHRASES[context.language][data.source];
      const followUp = data.followUpOf
        ? it
          ? ` È il seguito della richiesta ${serviceRequestReference(data.followUpOf)}.`
          : ` It follows up request ${serviceRequestReference(data.followUpOf)}.`
        : '';
      return {
        text: it
          ? `${actor} ha aperto la richiesta ${source}, priorità ${priority}.${followUp}`
          : `${actor} opened the request ${source}, priority ${priority}.${followUp}`,
        ...because(data.description),
      };
    }
    case 'ServiceRequestAccepted':
      if (known.data.automatic) {
        return {
          text: it
            ? "La richiesta è stata accettata automaticamente: l'organizzazione non richiede l'accettazione esplicita."
            : 'The request was accepted automatically: the organisation does not require explicit acceptance.',
        };
      }
      return {
        text: it ? `${actor} ha accettato la richiesta.` : `${actor} accepted the request.`,
        ...because(known.data.note),
      };
    case 'ServiceRequestRejected':
      return {
        text: it ? `${actor} ha rifiutato la richiesta.` : `${actor} rejected the request.`,
        ...because(known.data.diagnosis),
      };
    case 'ServiceRequestConditionAttached': {
      const condition = t.condition(known.data.conditionCode);
      if (known.data.foundOnSite) {
        const who = known.data.technicianCode ? t.technician(known.data.technicianCode) : actor;
        return {
          text: it
            ? `${who} ha riscontrato sul posto la condizione ${condition}.`
            : `${who} found condition ${condition} on site.`,
        };
      }
      return {
        text: it
          ? `${actor} ha aggiunto la condizione ${condition}.`
          : `${actor} added condition ${condition}.`,
      };
    }
    case 'ServiceRequestConditionDetached': {
      const condition = t.condition(known.data.conditionCode);
      return {
        text: it
          ? `${actor} ha tolto la condizione ${condition}.`
          : `${actor} removed condition ${condition}.`,
      };
    }
    case 'ServiceRequestRemotelyResolved':
      return {
        text:
          (it
            ? `${actor} ha risolto la richiesta da remoto: non serve un intervento sul posto.`
            : `${actor} resolved the request remotely: no visit is needed.`) +
          t.released(known.data.releasedAssignments),
        ...because(known.data.resolution),
      };
    case 'ServiceRequestTechniciansAssigned': {
      const list = t.list(known.data.assignments.map((a) => t.assignment(a)));
      const crew = known.data.synchronized
        ? it
          ? ' Lavorano insieme come unica squadra.'
          : ' They work together as one crew.'
        : '';
      return { text: it ? `${actor} ha assegnato ${list}.${crew}` : `${actor} assigned ${list}.${crew}` };
    }
    case 'ServiceRequestRescheduled': {
      const { technicianCode, previous, assignment, reason } = known.data;
      const who = t.technician(technicianCode);
      return {
        text: it
          ? `${actor} ha spostato ${who}: ora ${t.slot(assignment.start, assignment.end)}, prima ${t.slot(previous.start, previous.end)}.`
          : `${actor} rescheduled ${who}: now ${t.slot(assignment.start, assignment.end)}, before ${t.slot(previous.start, previous.end)}.`,
        ...because(reason),
      };
    }
    case 'ServiceRequestUnassigned': {
      const { assignment, reason, backToDispatch } = known.data;
      const emergency = reason ? DISPLACED_BY_EMERGENCY.exec(reason)?.[1]?.toUpperCase() : undefined;
      const lead = emergency
        ? it
          ? `L'assegnazione di ${t.assignment(assignment)} è stata tolta per far posto all'emergenza ${emergency}.`
          : `The assignment of ${t.assignment(assignment)} was taken away to make room for emergency ${emergency}.`
        : it
          ? `${actor} ha tolto dalla richiesta ${t.assignment(assignment)}.`
          : `${actor} took ${t.assignment(assignment)} off the request.`;
      return { text: lead + (backToDispatch ? t.backToDispatch() : ''), ...because(reason) };
    }
    case 'ServiceRequestRenounced': {
      const { technicianCode, reasonCode, text, assignment, backToDispatch } = known.data;
      const who = t.technician(technicianCode);
      const slot = t.slot(assignment.start, assignment.end);
      const reason = t.renounceReason(reasonCode);
      return {
        text:
          (it
            ? `${who} ha rinunciato all'intervento ${slot}, motivo: ${reason}.`
            : `${who} gave up the visit ${slot}, reason: ${reason}.`) +
          (backToDispatch ? t.backToDispatch() : ''),
        ...because(text),
      };
    }
    case 'ServiceRequestSuspended': {
      const { reason, until, from } = known.data;
      const emergency = DISPLACED_BY_EMERGENCY.exec(reason)?.[1]?.toUpperCase();
      const cause = emergency ? (it ? ` per l'emergenza ${emergency}` : ` for emergency ${emergency}`) : '';
      const untilText = until
        ? it
          ? ` fino ${italianArticle('al', t.moment(until))}`
          : ` until ${t.moment(until)}`
        : '';
      const resumes = STATUS_LABELS[context.language][from];
      return {
        text: it
          ? `${actor} ha sospeso la richiesta${cause}${untilText}. Alla ripresa tornerà ${resumes}.`
          : `${actor} suspended the request${cause}${untilText}. On resuming it will be ${resumes} again.`,
        ...because(reason),
      };
    }
    case 'ServiceRequestResumed': {
      const status = STATUS_LABELS[context.language][known.data.to];
      return {
        text: it
          ? `${actor} ha ripreso la richiesta: è di nuovo ${status}.`
          : `${actor} resumed the request: it is ${status} again.`,
      };
    }
    case 'ServiceRequestCancelled':
      return {
        text:
          (it ? `${actor} ha annullato la richiesta.` : `${actor} cancelled the request.`) +
          t.released(known.data.releasedAssignments),
        ...because(known.data.reason),
      };
    case 'ServiceRequestTechnicianOnTheWay': {
      const who = t.technician(known.data.technicianCode);
      const eta = known.data.etaMinutes;
      return {
        text: it
          ? `${who} è in viaggio verso il sito (${t.moment(known.data.at)})${eta !== undefined ? `, arrivo previsto tra circa ${eta} min` : ''}.`
          : `${who} set out for the site (${t.moment(known.data.at)})${eta !== undefined ? `, expected in about ${eta} min` : ''}.`,
      };
    }
    case 'ServiceRequestWorkStarted': {
      const who = t.technician(known.data.technicianCode);
      return {
        text: it
          ? `${who} è sul posto e ha iniziato il lavoro (${t.moment(known.data.at)}).`
          : `${who} arrived on site and started work (${t.moment(known.data.at)}).`,
      };
    }
    case 'ServiceRequestDeviceSignalRecorded': {
      const { assetCode, kind, code = '', count = 1, message, since, afterClosing } = known.data;
      const device = it ? `Il dispositivo di ${assetCode}` : `The device of ${assetCode}`;
      switch (kind) {
        case 'raised':
          return {
            text: it ? `${device} ha segnalato ${code}.` : `${device} reported ${code}.`,
            ...because(message),
          };
        case 'repeated':
          return {
            text: it
              ? `${device} ha segnalato ${code} ${count === 1 ? 'ancora una volta' : `altre ${count} volte`}.`
              : `${device} reported ${code} ${count === 1 ? 'once more' : `${count} more times`}.`,
          };
        case 'cleared':
          return {
            text: it
              ? `${device} ha segnalato il rientro di ${code}${afterClosing ? ' dopo la chiusura: la riparazione è confermata' : ''}.`
              : `${device} cleared ${code}${afterClosing ? ' after the request closed: the fix is confirmed' : ''}.`,
            ...because(message),
          };
        case 'went-silent':
          return {
            text: it
              ? `${device} non dà segni di vita${since ? ` ${italianArticle('dal', t.moment(since))}` : ''}.`
              : `${device} has been silent${since ? ` since ${t.moment(since)}` : ''}.`,
          };
        case 'back-online':
          return { text: it ? `${device} è di nuovo in linea.` : `${device} is back online.` };
      }
      break;
    }
    case 'ServiceRequestNoteAdded': {
      const emergency = EMERGENCY_NOTE.exec(known.data.text);
      if (emergency) {
        const [, code = '', start = '', end = '', what = '', by = ''] = emergency;
        const appointment = `${t.technician(code)} ${t.slot(start, end)}`;
        const suspended = what.toLowerCase() === 'is suspended';
        const ref = by.toUpperCase();
        return {
          text: suspended
            ? it
              ? `L'appuntamento di ${appointment} è sospeso per l'emergenza ${ref}; l'assegnazione resta.`
              : `The appointment of ${appointment} is suspended for emergency ${ref}; the assignment stays.`
            : it
              ? `L'appuntamento di ${appointment} è stato tolto per far posto all'emergenza ${ref}.`
              : `The appointment of ${appointment} was removed to make room for emergency ${ref}.`,
          ...because(known.data.text),
        };
      }
      return {
        text: it ? `${actor} ha aggiunto una nota.` : `${actor} added a note.`,
        ...because(known.data.text),
      };
    }
    case 'ServiceRequestFollowUpOpened': {
      const followUp = serviceRequestReference(known.data.followUpRequestId);
      return {
        text: it
          ? `${actor} ha aperto la richiesta di seguito ${followUp}.`
          : `${actor} opened follow-up request ${followUp}.`,
        ...because(known.data.reason),
      };
    }
    case 'ServiceRequestClosed': {
      const { estimate, actuals } = known.data;
      const materials = actuals.materials.map((line) =>
        it
          ? `${t.amount(line.quantity)} × ${line.itemCode} da ${line.warehouseCode}`
          : `${t.amount(line.quantity)} × ${line.itemCode} from ${line.warehouseCode}`,
      );
      const work = it
        ? `${t.minutes(actuals.labourMinutes)} di lavoro (stima ${t.minutes(estimate.labourMinutes)}), ${t.minutes(actuals.travelMinutes)} di viaggio, ${t.amount(actuals.travelKm)} km`
        : `${t.minutes(actuals.labourMinutes)} of work (estimate ${t.minutes(estimate.labourMinutes)}), ${t.minutes(actuals.travelMinutes)} of travel, ${t.amount(actuals.travelKm)} km`;
      const used =
        materials.length === 0
          ? it
            ? ', nessun materiale'
            : ', no materials'
          : it
            ? `, materiali: ${materials.join('; ')}`
            : `, materials: ${materials.join('; ')}`;
      const actions =
        actuals.correctiveActions.length === 0
          ? ''
          : it
            ? ` Azioni correttive: ${actuals.correctiveActions.join('; ')}.`
            : ` Corrective actions: ${actuals.correctiveActions.join('; ')}.`;
      return {
        text: it
          ? `${actor} ha chiuso la richiesta: ${work}${used}.${actions}`
          : `${actor} closed the request: ${work}${used}.${actions}`,
        ...because(actuals.resolution),
      };
    }
    case 'ServiceRequestReopened': {
      const closed = t.day(known.data.closedAt);
      return {
        text: it
          ? `${actor} ha riaperto la richiesta chiusa ${italianArticle('il', closed)}: torna da pianificare.`
          : `${actor} reopened the request closed on ${closed}: it is back to dispatch.`,
        ...because(known.data.reason),
      };
    }
    default:
      // An event type this code does not know yet (a newer writer): say that something happened.
      return {
        text: `${actor}: ${event.type}.`,
      };
  }
}
