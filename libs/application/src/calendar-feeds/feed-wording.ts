import type { WordingLanguage } from '../service-requests/queries/wording-vocabulary';

/** What a feed's events say, in the owner's language (a phone shows it as written). */
export interface FeedWords {
  cancelled: string;
  onHold: string;
  busy: string;
  priority: string;
  request: string;
  customer: string;
  site: string;
  asset: string;
  contact: string;
  access: string;
  crew: string;
  open: string;
  description: (scopeName: string) => string;
}

export const FEED_WORDS: Readonly<Record<WordingLanguage, FeedWords>> = {
  en: {
    cancelled: 'Cancelled',
    onHold: 'On hold',
    busy: 'Busy',
    priority: 'Priority',
    request: 'Request',
    customer: 'Customer',
    site: 'Site',
    asset: 'Asset',
    contact: 'Contact',
    access: 'Access',
    crew: 'With',
    open: 'Open in Fieldstream',
    description: (scopeName) => `Fieldstream appointments of ${scopeName}`,
  },
  it: {
    cancelled: 'Annullato',
    onHold: 'Sospeso',
    busy: 'Occupato',
    priority: 'Priorità',
    request: 'Richiesta',
    customer: 'Cliente',
    site: 'Sede',
    asset: 'Apparecchio',
    contact: 'Contatto',
    access: 'Accesso',
    crew: 'Con',
    open: 'Apri in Fieldstream',
    description: (scopeName) => `Appuntamenti Fieldstream di ${scopeName}`,
  },
};

/** The first line of a problem, cut at a word near `max` characters: what fits a phone's agenda row. */
export function shortProblem(description: string, max = 60): string {
  const line = description.trim().split(/\r?\n/, 1)[0]!.trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : line.slice(0, max)).replace(/[\s,;:.]+$/, '')}…`;
}
