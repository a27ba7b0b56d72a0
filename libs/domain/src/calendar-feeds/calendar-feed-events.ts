/**
 * Whose appointments a feed publishes: one technician's, or a unit's (its technicians' and those of
 * the units below it). The code is the master-data code; what the owner may subscribe to is the
 * application's to judge, against the owner's reach at creation and again at every fetch.
 */
export type CalendarFeedScope = { kind: 'technician' | 'unit'; code: string };

export const CALENDAR_FEED_SCOPE_KINDS = ['technician', 'unit'] as const;

/**
 * Events of a user's calendar feeds (`calendar-feeds-<userId>`). The secret itself never enters
 * the log: only its SHA-256, which cannot be turned back into a working URL.
 */
export type CalendarFeedEvent =
  | {
      type: 'CalendarFeedCreated';
      data: {
        ownerId: string;
        feedId: string;
        name: string;
        scope: CalendarFeedScope;
        secretHash: string;
        at: string;
      };
    }
  | {
      type: 'CalendarFeedSecretRegenerated';
      data: { ownerId: string; feedId: string; secretHash: string; at: string };
    }
  | { type: 'CalendarFeedRevoked'; data: { ownerId: string; feedId: string; at: string } }
  | {
      type: 'CalendarFeedFetched';
      /** `client`: the calendar app's User-Agent, shortened ("Google-Calendar-Importer"); '' when none. */
      data: { ownerId: string; feedId: string; at: string; client: string };
    };

export const CALENDAR_FEED_EVENT_TYPES: readonly CalendarFeedEvent['type'][] = [
  'CalendarFeedCreated',
  'CalendarFeedSecretRegenerated',
  'CalendarFeedRevoked',
  'CalendarFeedFetched',
];
