/** Whose appointments a feed publishes: one technician's, or a unit's (a team). */
export interface FeedScope {
  kind: 'technician' | 'unit';
  code: string;
  /** The technician's or unit's name, when the page knows it. */
  name?: string;
}
