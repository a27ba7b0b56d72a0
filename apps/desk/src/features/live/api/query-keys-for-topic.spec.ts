import { queryKeysForTopic } from './query-keys-for-topic';

describe('queryKeysForTopic', () => {
  it('refetches the inbox (its list and the bell’s count) on any inbox notice, whoever’s it names', () => {
    expect(queryKeysForTopic('inbox/user-marco')).toEqual([['inbox']]);
    expect(queryKeysForTopic('inbox')).toEqual([['inbox']]);
  });

  it('refetches a request’s escalation and the inbox’s alerts on escalations, and the delivery log on its own', () => {
    expect(queryKeysForTopic('escalations')).toEqual([['escalations'], ['inbox']]);
    expect(queryKeysForTopic('notification-deliveries')).toEqual([['notification-deliveries']]);
  });

  it('leaves the notifications alone on other notices, and knows nothing of unknown topics', () => {
    const keys = ['service-requests', 'service-levels', 'stock', 'master-data/notification-rules'].flatMap(
      (topic) => queryKeysForTopic(topic),
    );
    expect(keys.filter(([first]) => first === 'inbox' || first === 'escalations')).toEqual([]);
    expect(queryKeysForTopic('master-data/escalation-chains')).toEqual([
      ['master-data', 'escalation-chains'],
      ['map'],
      ['availability'],
      ['portal'],
    ]);
    expect(queryKeysForTopic('something-new')).toEqual([]);
  });

  it('refetches the customer portal on request and master-data notices, not on agendas (customers hear none)', () => {
    expect(queryKeysForTopic('service-requests')).toContainEqual(['portal']);
    expect(queryKeysForTopic('master-data/contracts')).toContainEqual(['portal']);
    expect(queryKeysForTopic('agendas')).not.toContainEqual(['portal']);
  });

  it('refetches the preventive runs’ reports on request notices: a run opens its visits as requests', () => {
    expect(queryKeysForTopic('service-requests')).toContainEqual(['preventive-runs']);
    expect(queryKeysForTopic('agendas')).not.toContainEqual(['preventive-runs']);
  });
});
