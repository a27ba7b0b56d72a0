/** What the fake browser's push service does when asked to subscribe. */
export type SubscribeOutcome = { endpoint: string } | { error: { name: string; message: string } };

export interface FakePushBrowser {
  /** The `subscribe()` calls, with the options they were given. */
  subscribeCalls: PushSubscriptionOptionsInit[];
  /** The subscription this browser holds now, if any. */
  subscription(): { endpoint: string } | null;
  /** How many subscriptions were ended. */
  unsubscribed: number;
  restore(): void;
}

const P256DH = `B${'x'.repeat(86)}`;
const AUTH = 'a'.repeat(22);

/**
 * jsdom has no service workers, Push API nor notifications: this stands in for them, the browser's
 * edge, as a Chromium would answer. Each push service outcome and the user's answer to the
 * permission prompt are the test's to choose. Call `restore()` after the test.
 */
export function installFakePushBrowser({
  permission = 'default',
  answer = 'granted',
  subscribed = null,
  outcome = { endpoint: 'https://fcm.googleapis.com/fcm/send/this-browser' },
  userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
}: {
  /** `Notification.permission` before the user is asked. */
  permission?: NotificationPermission;
  /** What the user answers to the prompt. */
  answer?: NotificationPermission;
  /** The endpoint this browser is already subscribed with. */
  subscribed?: string | null;
  outcome?: SubscribeOutcome;
  userAgent?: string;
} = {}): FakePushBrowser {
  let current: { endpoint: string; key: ArrayBuffer | null } | null = subscribed
    ? { endpoint: subscribed, key: null }
    : null;
  const fake: FakePushBrowser = {
    subscribeCalls: [],
    subscription: () => (current ? { endpoint: current.endpoint } : null),
    unsubscribed: 0,
    restore: () => undefined,
  };
  const subscriptionOf = (held: { endpoint: string; key: ArrayBuffer | null }) => ({
    endpoint: held.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: held.key },
    toJSON: () => ({ endpoint: held.endpoint, expirationTime: null, keys: { p256dh: P256DH, auth: AUTH } }),
    unsubscribe: async () => {
      if (current === held) current = null;
      fake.unsubscribed += 1;
      return true;
    },
  });
  const registration = {
    scope: 'http://localhost/',
    pushManager: {
      getSubscription: async () => (current ? subscriptionOf(current) : null),
      subscribe: async (options: PushSubscriptionOptionsInit) => {
        fake.subscribeCalls.push(options);
        if ('error' in outcome) throw new DOMException(outcome.error.message, outcome.error.name);
        const key = options.applicationServerKey;
        current = {
          endpoint: outcome.endpoint,
          key: key instanceof Uint8Array ? new Uint8Array(key).buffer : null,
        };
        return subscriptionOf(current);
      },
    },
  };
  let state = permission;
  class FakeNotification {
    static get permission() {
      return state;
    }
    static async requestPermission() {
      // Like browsers, a decision once made is not asked again.
      if (state === 'default') state = answer;
      return state;
    }
  }
  const globals = window as unknown as Record<string, unknown>;
  globals['Notification'] = FakeNotification;
  globals['PushManager'] = class {};
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      register: async () => registration,
      ready: Promise.resolve(registration),
      getRegistration: async () => registration,
    },
  });
  // An own property over the prototype's getter: deleting it gives jsdom's back.
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => userAgent });
  fake.restore = () => {
    delete globals['Notification'];
    delete globals['PushManager'];
    delete (navigator as unknown as Record<string, unknown>)['serviceWorker'];
    delete (navigator as unknown as Record<string, unknown>)['userAgent'];
  };
  return fake;
}
