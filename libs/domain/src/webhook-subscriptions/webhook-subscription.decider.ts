import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type {
  WebhookPauseReason,
  WebhookSubscriptionEvent,
  WebhookSubscriptionOwner,
  WebhookSubscriptionSettings,
} from './webhook-subscription-events';

/** A subscription names at most this many types and categories: more is a mistake, not a filter. */
export const MAX_WEBHOOK_EVENT_TYPES = 200;
export const WEBHOOK_NAME_MAX = 100;
export const WEBHOOK_DESCRIPTION_MAX = 1000;
export const WEBHOOK_URL_MAX = 2048;

export type WebhookSubscriptionStatus = 'active' | 'paused' | 'deleted';

export type WebhookSubscription = WebhookSubscriptionSettings & {
  subscriptionId: string;
  status: WebhookSubscriptionStatus;
  secret: string;
  /** Still signed with, beside `secret`, until `validUntil`: receivers switch over without losing a call. */
  previousSecret: { secret: string; validUntil: string } | null;
  secretRotatedAt: string;
  owner: WebhookSubscriptionOwner;
  createdAt: string;
  updatedAt: string;
  paused: { at: string; reason: WebhookPauseReason; detail: string | null } | null;
  /** Set while the receiver has been failing for longer than the configured time. */
  failing: { since: string; markedAt: string; consecutiveFailures: number; lastError: string } | null;
  /** Replays asked for so far: a delivery that has applied fewer moves its position back to the last one's. */
  replays: number;
  lastReplay: { fromPosition: number; at: string } | null;
};

export type WebhookSubscriptionState = { subscription: WebhookSubscription | null };

export type WebhookSubscriptionCommand =
  | {
      type: 'create';
      subscriptionId: string;
      settings: WebhookSubscriptionSettings;
      /** Made by the application (random), so that deciding stays pure. */
      secret: string;
      owner: WebhookSubscriptionOwner;
      at: string;
    }
  | { type: 'change'; settings: WebhookSubscriptionSettings; at: string }
  | { type: 'rotateSecret'; secret: string; previousSecretValidUntil: string | null; at: string }
  | { type: 'pause'; reason: WebhookPauseReason; detail?: string; at: string }
  | { type: 'resume'; at: string }
  | { type: 'replay'; fromPosition: number; at: string }
  | { type: 'markFailing'; since: string; consecutiveFailures: number; lastError: string; at: string }
  | { type: 'markRecovered'; at: string }
  | { type: 'delete'; at: string };

const SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;
const SETTING_FIELDS = ['name', 'description', 'url', 'eventTypes', 'categories'] as const;

const invalid = (field: string, message: string, code = 'invalid') =>
  new DomainError(code, message, { field });

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();

/** The settings as they are kept: trimmed, types and categories sorted and each once. */
function normalised(settings: WebhookSubscriptionSettings): WebhookSubscriptionSettings {
  const name = settings.name.trim();
  const description = settings.description.trim();
  const url = settings.url.trim();
  if (name.length === 0) throw invalid('name', 'Give the subscription a name', 'required');
  if (name.length > WEBHOOK_NAME_MAX)
    throw invalid('name', `A name is at most ${WEBHOOK_NAME_MAX} characters`, 'too_long');
  if (description.length > WEBHOOK_DESCRIPTION_MAX)
    throw invalid(
      'description',
      `A description is at most ${WEBHOOK_DESCRIPTION_MAX} characters`,
      'too_long',
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', 'The target is an absolute http(s) URL');
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || url.length > WEBHOOK_URL_MAX)
    throw invalid('url', `The target is an http(s) URL of at most ${WEBHOOK_URL_MAX} characters`);
  const eventTypes = sortedUnique(settings.eventTypes);
  const categories = sortedUnique(settings.categories);
  if (eventTypes.length + categories.length === 0)
    throw invalid('eventTypes', 'Subscribe to at least one event type or category', 'required');
  if (eventTypes.length > MAX_WEBHOOK_EVENT_TYPES || categories.length > MAX_WEBHOOK_EVENT_TYPES)
    throw invalid('eventTypes', `At most ${MAX_WEBHOOK_EVENT_TYPES} types and categories`, 'too_many');
  return { name, description, url, eventTypes, categories };
}

function assertSecret(secret: string): void {
  if (!SECRET.test(secret))
    throw invalid('secret', 'A signing secret is whsec_ and 24 to 64 bytes in base64');
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

function changedFields(before: WebhookSubscriptionSettings, after: WebhookSubscriptionSettings): string[] {
  return SETTING_FIELDS.filter((field) => {
    const was = before[field];
    const now = after[field];
    return Array.isArray(was) && Array.isArray(now) ? !sameList(was, now) : was !== now;
  });
}

function settingsOf(subscription: WebhookSubscription): WebhookSubscriptionSettings {
  const { name, description, url, eventTypes, categories } = subscription;
  return { name, description, url, eventTypes, categories };
}

/** A live subscription: a deleted one is gone for every command, as an unknown one. */
function existing(state: WebhookSubscriptionState): WebhookSubscription {
  const subscription = state.subscription;
  if (!subscription || subscription.status === 'deleted')
    throw new DomainError('not_found', 'There is no such webhook subscription', {});
  return subscription;
}

/**
 * An integrator's webhook subscription: where the published events of some types go, signed with
 * a secret the server made. Pausing stops deliveries and resuming continues where they stopped; a
 * replay moves the delivery position back (or on) to a position of the log; the delivery worker
 * marks it failing when its receiver has failed for too long, and recovered at the next success.
 * Repeating what already holds (pausing a paused one, the same settings) changes nothing.
 */
export const webhookSubscriptionDecider: Decider<
  WebhookSubscriptionState,
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent
> = {
  initialState: { subscription: null },
  evolve(state, event) {
    if (event.type === 'WebhookSubscriptionCreated') {
      const { subscriptionId, secret, owner, at, ...settings } = event.data;
      return {
        subscription: {
          ...settings,
          subscriptionId,
          status: 'active',
          secret,
          previousSecret: null,
          secretRotatedAt: at,
          owner,
          createdAt: at,
          updatedAt: at,
          paused: null,
          failing: null,
          replays: 0,
          lastReplay: null,
        },
      };
    }
    const current = state.subscription;
    if (!current) return state;
    const at = event.data.at;
    switch (event.type) {
      case 'WebhookSubscriptionChanged': {
        const { name, description, url, eventTypes, categories } = event.data;
        return {
          subscription: { ...current, name, description, url, eventTypes, categories, updatedAt: at },
        };
      }
      case 'WebhookSubscriptionSecretRotated': {
        const validUntil = event.data.previousSecretValidUntil;
        return {
          subscription: {
            ...current,
            secret: event.data.secret,
            previousSecret: validUntil ? { secret: current.secret, validUntil } : null,
            secretRotatedAt: at,
            updatedAt: at,
          },
        };
      }
      case 'WebhookSubscriptionPaused':
        return {
          subscription: {
            ...current,
            status: 'paused',
            paused: { at, reason: event.data.reason, detail: event.data.detail },
            updatedAt: at,
          },
        };
      case 'WebhookSubscriptionResumed':
        return { subscription: { ...current, status: 'active', paused: null, updatedAt: at } };
      case 'WebhookSubscriptionReplayRequested':
        return {
          subscription: {
            ...current,
            replays: current.replays + 1,
            lastReplay: { fromPosition: event.data.fromPosition, at },
            updatedAt: at,
          },
        };
      case 'WebhookSubscriptionMarkedFailing': {
        const { since, consecutiveFailures, lastError } = event.data;
        return {
          subscription: { ...current, failing: { since, markedAt: at, consecutiveFailures, lastError } },
        };
      }
      case 'WebhookSubscriptionRecovered':
        return { subscription: { ...current, failing: null } };
      case 'WebhookSubscriptionDeleted':
        return { subscription: { ...current, status: 'deleted', updatedAt: at } };
    }
  },
  decide(command, state) {
    if (command.type === 'create') {
      if (state.subscription)
        throw new DomainError('already_exists', 'This webhook subscription exists already', {
          subscriptionId: command.subscriptionId,
        });
      const settings = normalised(command.settings);
      assertSecret(command.secret);
      return [
        {
          type: 'WebhookSubscriptionCreated',
          data: {
            subscriptionId: command.subscriptionId,
            ...settings,
            secret: command.secret,
            owner: command.owner,
            at: command.at,
          },
        },
      ];
    }
    const subscription = existing(state);
    const subscriptionId = subscription.subscriptionId;
    switch (command.type) {
      case 'change': {
        const settings = normalised(command.settings);
        const changed = changedFields(settingsOf(subscription), settings);
        if (changed.length === 0) return [];
        return [
          {
            type: 'WebhookSubscriptionChanged',
            data: { subscriptionId, ...settings, changedFields: changed, at: command.at },
          },
        ];
      }
      case 'rotateSecret':
        assertSecret(command.secret);
        if (command.secret === subscription.secret) throw invalid('secret', 'A rotated secret is a new one');
        return [
          {
            type: 'WebhookSubscriptionSecretRotated',
            data: {
              subscriptionId,
              secret: command.secret,
              previousSecretValidUntil: command.previousSecretValidUntil,
              at: command.at,
            },
          },
        ];
      case 'pause':
        if (subscription.status === 'paused') return [];
        return [
          {
            type: 'WebhookSubscriptionPaused',
            data: { subscriptionId, reason: command.reason, detail: command.detail ?? null, at: command.at },
          },
        ];
      case 'resume':
        if (subscription.status === 'active') return [];
        return [{ type: 'WebhookSubscriptionResumed', data: { subscriptionId, at: command.at } }];
      case 'replay':
        if (!Number.isSafeInteger(command.fromPosition) || command.fromPosition < 0)
          throw invalid('fromPosition', 'A log position is a whole number from 0');
        return [
          {
            type: 'WebhookSubscriptionReplayRequested',
            data: { subscriptionId, fromPosition: command.fromPosition, at: command.at },
          },
        ];
      case 'markFailing':
        if (subscription.failing) return [];
        return [
          {
            type: 'WebhookSubscriptionMarkedFailing',
            data: {
              subscriptionId,
              since: command.since,
              consecutiveFailures: command.consecutiveFailures,
              lastError: command.lastError,
              at: command.at,
            },
          },
        ];
      case 'markRecovered':
        if (!subscription.failing) return [];
        return [
          {
            type: 'WebhookSubscriptionRecovered',
            data: { subscriptionId, failingSince: subscription.failing.since, at: command.at },
          },
        ];
      case 'delete':
        return [{ type: 'WebhookSubscriptionDeleted', data: { subscriptionId, at: command.at } }];
    }
  },
};

/**
 * The secrets a call is signed with at `now`: the current one, and the previous one while its
 * grace lasts (Standard Webhooks puts several signatures in one header, and receivers accept any).
 */
export function signingSecretsAt(subscription: WebhookSubscription, now: Date): string[] {
  const previous = subscription.previousSecret;
  return previous && Date.parse(previous.validUntil) > now.getTime()
    ? [subscription.secret, previous.secret]
    : [subscription.secret];
}
