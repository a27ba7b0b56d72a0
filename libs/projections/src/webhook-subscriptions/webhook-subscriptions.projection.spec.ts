import {
  type WebhookSubscriptionCommand,
  type WebhookSubscriptionState,
  webhookSubscriptionDecider,
  webhookSubscriptionStreamName,
} from '@fieldstream/domain';
import type { JsonObject, RecordedEvent } from '@fieldstream/event-store';
import { foldProjection } from '../fold-projection';
import type { AnyProjection } from '../projection-definition';
import {
  WEBHOOK_SUBSCRIPTIONS_COLLECTION,
  type WebhookSubscriptionDocument,
} from './webhook-subscription-collections';
import { webhookSubscriptionsProjection } from './webhook-subscriptions.projection';

const ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const AT = '2026-12-01T08:00:00.000Z';
const LATER = '2026-12-01T09:00:00.000Z';
const SECRET = `whsec_${'A'.repeat(43)}=`;
const NEW_SECRET = `whsec_${'B'.repeat(43)}=`;

/** The subscription's stream as the decider writes it, recorded from position 41 on. */
function decided(commands: readonly WebhookSubscriptionCommand[]): RecordedEvent[] {
  let state: WebhookSubscriptionState = webhookSubscriptionDecider.initialState;
  const events: RecordedEvent[] = [];
  for (const command of commands)
    for (const event of webhookSubscriptionDecider.decide(command, state)) {
      state = webhookSubscriptionDecider.evolve(state, event);
      events.push({
        id: `00000000-0000-4000-8000-${String(events.length).padStart(12, '0')}`,
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata: {
          correlationId: 'c',
          causationId: 'c',
          actorId: 'key-1',
          actorRole: 'integrator',
          occurredAt: AT,
        },
        streamName: webhookSubscriptionStreamName(ID),
        revision: events.length,
        position: 41 + events.length,
        recordedAt: AT,
      });
    }
  return events;
}

const documents = (events: readonly RecordedEvent[]) =>
  [
    ...(foldProjection(webhookSubscriptionsProjection as unknown as AnyProjection, events)
      .get(WEBHOOK_SUBSCRIPTIONS_COLLECTION)
      ?.values() ?? []),
  ] as WebhookSubscriptionDocument[];

const create: WebhookSubscriptionCommand = {
  type: 'create',
  subscriptionId: ID,
  settings: {
    name: 'ERP',
    description: 'Requests to the ERP',
    url: 'https://erp.example.com/hooks',
    eventTypes: ['io.fieldstream.service-request.opened.v1'],
    categories: ['devices'],
  },
  secret: SECRET,
  owner: { id: 'key-1', kind: 'api-key', name: 'ERP', role: 'integrator' },
  at: AT,
};

describe('webhook subscriptions projection', () => {
  it('lists a subscription without its secrets, from the position of its creation', () => {
    const events = decided([
      create,
      {
        type: 'rotateSecret',
        secret: NEW_SECRET,
        previousSecretValidUntil: '2026-12-02T09:00:00.000Z',
        at: LATER,
      },
      { type: 'pause', reason: 'requested', at: LATER },
      { type: 'replay', fromPosition: 7, at: LATER },
    ]);
    const [document] = documents(events);
    expect(document).toMatchObject({
      _id: ID,
      ownerId: 'key-1',
      name: 'ERP',
      status: 'paused',
      paused: { at: LATER, reason: 'requested', detail: null },
      secretRotatedAt: LATER,
      previousSecretValidUntil: '2026-12-02T09:00:00.000Z',
      replays: 1,
      lastReplay: { fromPosition: 7, at: LATER },
      startPosition: 41,
      version: 4,
    });
    expect(JSON.stringify(document)).not.toContain('whsec_');
  });

  it('drops a deleted subscription, and ignores an event delivered twice', () => {
    const events = decided([create, { type: 'delete', at: LATER }]);
    expect(documents(events)).toEqual([]);
    const created = decided([create]);
    expect(documents([...created, ...created])).toEqual(documents(created));
  });
});
