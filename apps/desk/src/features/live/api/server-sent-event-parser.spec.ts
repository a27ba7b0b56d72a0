import { queryKeysForTopic } from './query-keys-for-topic';
import { ServerSentEventParser } from './server-sent-event-parser';

describe('server-sent events', () => {
  it('joins events cut across chunks and drops comments', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('event: changed\ndata: {"topics":["master-da')).toEqual([]);
    expect(parser.push('ta/sites"]}\n\n: keep-alive\n\nevent: ping\r\ndata: {}\r\n\r\n')).toEqual([
      { event: 'changed', data: '{"topics":["master-data/sites"]}' },
      { event: 'ping', data: '{}' },
    ]);
  });

  it('maps a topic to the queries it makes stale', () => {
    expect(queryKeysForTopic('master-data/sites')).toEqual([
      ['master-data', 'sites'],
      ['map'],
      ['availability'],
      ['portal'],
    ]);
    expect(queryKeysForTopic('users')).toEqual([['users']]);
    expect(queryKeysForTopic('service-requests')).toEqual([
      ['service-requests'],
      ['agendas', 'board'],
      ['service-levels'],
      ['preventive-runs'],
      ['portal'],
    ]);
    expect(queryKeysForTopic('agendas')).toEqual([['agendas'], ['service-requests']]);
    expect(queryKeysForTopic('service-levels')).toEqual([['service-levels']]);
    expect(queryKeysForTopic('unknown')).toEqual([]);
  });
});
