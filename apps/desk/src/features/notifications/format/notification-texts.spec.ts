import { DELIVERY_STATUSES, NOTIFICATION_TOPIC_NAMES } from '@fieldstream/api-contract';
import { NOTIFICATION_AUDIENCES, NOTIFICATION_CHANNELS, NOTIFICATION_TOPICS } from '@fieldstream/domain';
import { resources } from '../../../app/i18n/resources';

/** A topic, audience or channel the API may send and the desk would show as its raw key. */
describe('the notifications’ words', () => {
  it.each(['en', 'it'] as const)('name every topic, channel and delivery status (%s)', (language) => {
    const texts = resources[language].notifications;
    expect(NOTIFICATION_TOPIC_NAMES.filter((topic) => !(topic in texts.topics))).toEqual([]);
    expect(NOTIFICATION_CHANNELS.filter((channel) => !(channel in texts.channels))).toEqual([]);
    expect(DELIVERY_STATUSES.filter((status) => !(status in texts.deliveries.statuses))).toEqual([]);
  });

  it.each(['en', 'it'] as const)(
    'name every topic, audience and channel in the master-data forms of rules and chains (%s)',
    (language) => {
      const options = resources[language].masterData.options;
      const named = [...NOTIFICATION_TOPICS, ...NOTIFICATION_AUDIENCES, ...NOTIFICATION_CHANNELS];
      expect(named.filter((value) => !(value in options))).toEqual([]);
    },
  );
});
