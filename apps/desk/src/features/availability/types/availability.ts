/** A half-open UTC interval [from, to), as ISO strings. */
export interface AvailabilityInterval {
  from: string;
  to: string;
}

export interface ReasonedInterval extends AvailabilityInterval {
  reason: string;
}

/** One layer of a side's calendar (the unit's hours, the technician's own, a site's access...). */
export interface AvailabilityLayer {
  name: string;
  source: { kind: string; code: string };
  timeZone: string;
  open: AvailabilityInterval[];
  closures: ReasonedInterval[];
  holidays: ReasonedInterval[];
}

/** A technician or a site, with its layers and what they leave available. */
export interface AvailabilitySide {
  code: string;
  name: string;
  timeZone: string;
  layers: AvailabilityLayer[];
  available: AvailabilityInterval[];
}

/** `GET /api/availability`. */
export interface AvailabilityResponse {
  from: string;
  to: string;
  technician?: AvailabilitySide;
  site?: AvailabilitySide;
  /** Technician available and site accessible: present when both were asked for. */
  both?: AvailabilityInterval[];
}
