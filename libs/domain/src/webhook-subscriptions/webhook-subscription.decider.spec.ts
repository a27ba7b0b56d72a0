import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import type { WebhookSubscriptionEvent, WebhookSubscriptionSettings } from './webhook-subscription-events';
import { signingSecretsAt, webhookSubscriptionDecider } from './webhook-subscription.decider';

const spec = deciderSpecification(webhookSubscriptionDecider);
const AT = '2026-12-01T08:00:00.000Z';
const LATER = '2026-12-01T09:00:00.000Z';
const ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const SECRET = `whsec_${'A'.repeat(43)}=`;
const NEW_SECRET = `whsec_${'B'.repeat(43)}=`;
const owner = { id: 'key-1', kind: 'api-key' as const, name: 'ERP', role: 'integrator' };

const settings: WebhookSubscriptionSettings = {
  name: 'ERP requests',
  description: '',
  url: 'https://erp.example.com/hooks/fieldstream',
  eventTypes: ['io.fieldstream.service-request.opened.v1', 'io.fieldstream.service-request.closed.v1'].sort(),
  categories: [],
};
const create = (overrides: Partial<WebhookSubscriptionSettings> = {}) => ({
  type: 'create' as const,
  subscriptionId: ID,
  settings: { ...settings, ...overrides },
  secret: SECRET,
  owner,
  at: AT,
});
const created: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionCreated',
  data: { subscriptionId: ID, ...settings, secret: SECRET, owner, at: AT },
};
const paused: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionPaused',
  data: { subscriptionId: ID, reason: 'requested', detail: null, at: LATER },
};
const deleted: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionDeleted',
  data: { subscriptionId: ID, at: LATER },
};
const failing: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionMarkedFailing',
  data: { subscriptionId: ID, since: AT, consecutiveFailures: 12, lastError: 'answered 503', at: LATER },
};
const refused = (field: string, code?: string) => (error: DomainError) =>
  error.details['field'] === field && (code === undefined || error.code === code);

describe('webhook subscription decider', () => {
  it('creates a subscription with trimmed settings, its types sorted and each once', () => {
    spec
      .given([])
      .when(
        create({
          name: '  ERP requests ',
          eventTypes: [
            'io.fieldstream.service-request.opened.v1',
            'io.fieldstream.service-request.closed.v1',
            'io.fieldstream.service-request.opened.v1',
          ],
        }),
      )
      .then([created]);
    const state = foldEvents(webhookSubscriptionDecider, [created]);
    expect(state.subscription).toMatchObject({
      status: 'active',
      secretRotatedAt: AT,
      replays: 0,
      failing: null,
    });
  });

  it('refuses bad settings naming the field', () => {
    spec
      .given([])
      .when(create({ name: '   ' }))
      .thenThrows(DomainError, refused('name', 'required'));
    spec
      .given([])
      .when(create({ url: 'ftp://example.com/x' }))
      .thenThrows(DomainError, refused('url'));
    spec
      .given([])
      .when(create({ url: 'not a url' }))
      .thenThrows(DomainError, refused('url'));
    spec
      .given([])
      .when(create({ eventTypes: [], categories: [] }))
      .thenThrows(DomainError, refused('eventTypes', 'required'));
    spec
      .given([])
      .when(create({ description: 'x'.repeat(1001) }))
      .thenThrows(DomainError, refused('description', 'too_long'));
    spec
      .given([])
      .when({ ...create(), secret: 'hunter2' })
      .thenThrows(DomainError, refused('secret'));
  });

  it('creates once: the same id again is a conflict, even once deleted', () => {
    spec
      .given([created])
      .when(create())
      .thenThrows(DomainError, (error) => error.code === 'already_exists');
    spec
      .given([created, deleted])
      .when(create())
      .thenThrows(DomainError, (error) => error.code === 'already_exists');
  });

  it('records a change naming the fields that differ, and nothing for the same settings', () => {
    spec
      .given([created])
      .when({
        type: 'change',
        settings: { ...settings, url: 'https://erp.example.com/v2', categories: ['devices'] },
        at: LATER,
      })
      .then([
        {
          type: 'WebhookSubscriptionChanged',
          data: {
            subscriptionId: ID,
            ...settings,
            url: 'https://erp.example.com/v2',
            categories: ['devices'],
            changedFields: ['url', 'categories'],
            at: LATER,
          },
        },
      ]);
    spec
      .given([created])
      .when({ type: 'change', settings: { ...settings, name: ' ERP requests' }, at: LATER })
      .thenNothingHappens();
  });

  it('rotates the secret, keeping the previous one for signing until its grace ends', () => {
    const rotated: WebhookSubscriptionEvent = {
      type: 'WebhookSubscriptionSecretRotated',
      data: {
        subscriptionId: ID,
        secret: NEW_SECRET,
        previousSecretValidUntil: '2026-12-02T09:00:00.000Z',
        at: LATER,
      },
    };
    spec
      .given([created])
      .when({
        type: 'rotateSecret',
        secret: NEW_SECRET,
        previousSecretValidUntil: '2026-12-02T09:00:00.000Z',
        at: LATER,
      })
      .then([rotated]);
    const subscription = foldEvents(webhookSubscriptionDecider, [created, rotated]).subscription!;
    expect(signingSecretsAt(subscription, new Date('2026-12-01T10:00:00.000Z'))).toEqual([
      NEW_SECRET,
      SECRET,
    ]);
    expect(signingSecretsAt(subscription, new Date('2026-12-02T09:00:00.000Z'))).toEqual([NEW_SECRET]);
    spec
      .given([created])
      .when({ type: 'rotateSecret', secret: SECRET, previousSecretValidUntil: null, at: LATER })
      .thenThrows(DomainError, refused('secret'));
  });

  it('pauses and resumes, each once', () => {
    spec.given([created]).when({ type: 'pause', reason: 'requested', at: LATER }).then([paused]);
    spec
      .given([created, paused])
      .when({ type: 'pause', reason: 'receiver-gone', at: LATER })
      .thenNothingHappens();
    spec
      .given([created, paused])
      .when({ type: 'resume', at: LATER })
      .then([{ type: 'WebhookSubscriptionResumed', data: { subscriptionId: ID, at: LATER } }]);
    spec.given([created]).when({ type: 'resume', at: LATER }).thenNothingHappens();
    spec
      .given([created])
      .when({ type: 'pause', reason: 'receiver-gone', detail: 'answered 410', at: LATER })
      .then([
        {
          type: 'WebhookSubscriptionPaused',
          data: { subscriptionId: ID, reason: 'receiver-gone', detail: 'answered 410', at: LATER },
        },
      ]);
  });

  it('counts replays, each from a whole position, paused or not', () => {
    const replay = (fromPosition: number): WebhookSubscriptionEvent => ({
      type: 'WebhookSubscriptionReplayRequested',
      data: { subscriptionId: ID, fromPosition, at: LATER },
    });
    spec
      .given([created, paused])
      .when({ type: 'replay', fromPosition: 42, at: LATER })
      .then([replay(42)]);
    const state = foldEvents(webhookSubscriptionDecider, [created, replay(42), replay(7)]);
    expect(state.subscription).toMatchObject({ replays: 2, lastReplay: { fromPosition: 7, at: LATER } });
    for (const bad of [-1, 1.5, Number.NaN])
      spec
        .given([created])
        .when({ type: 'replay', fromPosition: bad, at: LATER })
        .thenThrows(DomainError, refused('fromPosition'));
  });

  it('is marked failing once, and recovered once, by the delivery worker', () => {
    const markFailing = {
      type: 'markFailing' as const,
      since: AT,
      consecutiveFailures: 12,
      lastError: 'answered 503',
      at: LATER,
    };
    spec.given([created]).when(markFailing).then([failing]);
    spec.given([created, failing]).when(markFailing).thenNothingHappens();
    spec
      .given([created, failing])
      .when({ type: 'markRecovered', at: LATER })
      .then([
        { type: 'WebhookSubscriptionRecovered', data: { subscriptionId: ID, failingSince: AT, at: LATER } },
      ]);
    spec.given([created]).when({ type: 'markRecovered', at: LATER }).thenNothingHappens();
  });

  it('treats an unknown or deleted subscription as missing for every command', () => {
    for (const history of [[], [created, deleted]])
      for (const command of [
        { type: 'pause' as const, reason: 'requested' as const, at: LATER },
        { type: 'resume' as const, at: LATER },
        { type: 'delete' as const, at: LATER },
        { type: 'change' as const, settings, at: LATER },
      ])
        spec
          .given(history)
          .when(command)
          .thenThrows(DomainError, (error) => error.code === 'not_found');
    spec.given([created]).when({ type: 'delete', at: LATER }).then([deleted]);
  });
});
