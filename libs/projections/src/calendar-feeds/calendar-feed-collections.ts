import type { CalendarFeedScope } from '@fieldstream/domain';
import type { ReadDocument } from '@fieldstream/read-store';

export const CALENDAR_FEEDS_COLLECTION = 'calendar_feeds';
export const FEED_APPOINTMENTS_COLLECTION = 'feed_appointments';

/** One calendar feed as its owner lists it and as its URL is checked (by id, then secret hash). */
export type CalendarFeedDocument = ReadDocument & {
  /** The feed id, the first part of its token. */
  _id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  scope: CalendarFeedScope;
  /** SHA-256 of the URL's secret: a 256-bit random secret needs no slow hash. */
  secretHash: string;
  status: 'active' | 'revoked';
  createdAt: string;
  urlIssuedAt: string;
  lastFetchedAt: string | null;
  lastFetchedBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  /** Revision of the owner's stream last applied: a redelivered event is recognised and skipped. */
  lastRevision: number;
};

/** What became of an appointment for a calendar that once showed it. */
export type FeedAppointmentStatus = 'reserved' | 'confirmed' | 'suspended' | 'cancelled';

/**
 * One appointment as calendar feeds publish it: unlike the agenda, an appointment released or
 * pushed out by an emergency stays, cancelled, so that the phones that show it drop it; and its
 * changes are counted for the VEVENT's SEQUENCE.
 */
export type FeedAppointmentDocument = ReadDocument & {
  /** The appointment id: one document however many weekly schedule streams hold it. */
  _id: string;
  technicianCode: string;
  requestId: string;
  start: string;
  end: string;
  status: FeedAppointmentStatus;
  /** While suspended: what `AppointmentResumed` returns it to. */
  resumeTo?: 'reserved' | 'confirmed';
  /** The weekly schedule streams holding it now; none left means it was cancelled. */
  heldIn: string[];
  /** Changes of time or status since it was first booked. */
  sequence: number;
  createdAt: string;
  updatedAt: string;
  /** Global position of the last event applied (the streams are many, the log's order is one). */
  lastPosition: number;
};
