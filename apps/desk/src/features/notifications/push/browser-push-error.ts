/**
 * Why this browser could not subscribe, on its side rather than the API's: the user did not allow
 * notifications (`dismissed`; a refusal, `denied`, shows as the blocked state instead), the push
 * service refused (`failed`, with the browser's own words in `reason`), or it never answered
 * (`timeout`: a browser with no reachable push service, such as a headless one offline, keeps
 * `subscribe()` pending for ever).
 */
export class BrowserPushError extends Error {
  constructor(
    readonly kind: 'denied' | 'dismissed' | 'failed' | 'timeout',
    readonly reason = '',
  ) {
    super(reason ? `${kind}: ${reason}` : kind);
    this.name = 'BrowserPushError';
  }
}
