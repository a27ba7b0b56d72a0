import type { ServiceRequestPriority, ServiceRequestSource, ServiceRequestStatus } from '@fieldstream/domain';

/** The languages the service-request answers are worded in. */
export type WordingLanguage = 'it' | 'en';

/** The locale each language formats dates and numbers in (en-GB: "27 Nov 2026", 24-hour clock). */
export const LOCALE: Readonly<Record<WordingLanguage, string>> = { en: 'en-GB', it: 'it-IT' };

/** Where nobody said otherwise (a site without a zone of its own): the product's home zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Rome';

export const PRIORITY_LABELS: Readonly<Record<WordingLanguage, Record<ServiceRequestPriority, string>>> = {
  en: { critical: 'critical', high: 'high', normal: 'normal', low: 'low' },
  it: { critical: 'critica', high: 'alta', normal: 'normale', low: 'bassa' },
};

/** "…opened the request <from where>": the channel it came through. */
export const SOURCE_PHRASES: Readonly<Record<WordingLanguage, Record<ServiceRequestSource, string>>> = {
  en: {
    desk: 'from the desk',
    portal: 'from the customer portal',
    preventive: 'from the preventive maintenance plan',
    device: 'from an alarm sent by the machine',
    external: 'from an external system',
  },
  it: {
    desk: 'dal desk',
    portal: 'dal portale clienti',
    preventive: 'dal piano di manutenzione preventiva',
    device: "da un allarme inviato dall'apparecchio",
    external: 'da un sistema esterno',
  },
};

/** States as people say them ("it is in progress again", "riprenderà come in corso"). */
export const STATUS_LABELS: Readonly<Record<WordingLanguage, Record<ServiceRequestStatus, string>>> = {
  en: {
    open: 'awaiting acceptance',
    accepted: 'to dispatch',
    assigned: 'planned',
    'in-progress': 'in progress',
    suspended: 'suspended',
    closed: 'closed',
    'resolved-remotely': 'resolved remotely',
    cancelled: 'cancelled',
    rejected: 'rejected',
  },
  it: {
    open: 'da accettare',
    accepted: 'da pianificare',
    assigned: 'pianificata',
    'in-progress': 'in corso',
    suspended: 'sospesa',
    closed: 'chiusa',
    'resolved-remotely': 'risolta da remoto',
    cancelled: 'annullata',
    rejected: 'rifiutata',
  },
};

/**
 * The reasons a technician may give up an assignment when the organisation configured none (the
 * parameters record's `renounceReasons`); the command side accepts the same codes.
 */
export const DEFAULT_RENOUNCE_REASONS: Readonly<
  Record<WordingLanguage, readonly { code: string; label: string }[]>
> = {
  en: [
    { code: 'ILLNESS', label: 'Illness' },
    { code: 'VEHICLE', label: 'Vehicle problem' },
    { code: 'MISSING-PARTS', label: 'Missing parts' },
    { code: 'WRONG-SKILLS', label: 'Skills not suited to the job' },
    { code: 'OTHER', label: 'Other reason' },
  ],
  it: [
    { code: 'ILLNESS', label: 'Malattia' },
    { code: 'VEHICLE', label: 'Problema al veicolo' },
    { code: 'MISSING-PARTS', label: 'Ricambi mancanti' },
    { code: 'WRONG-SKILLS', label: 'Competenze non adatte al lavoro' },
    { code: 'OTHER', label: 'Altro motivo' },
  ],
};
