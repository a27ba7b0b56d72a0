import { userProfileSchema } from '../../users/user-schemas';
import { masterDataKindByPlural } from '../master-data-kinds';
import { escalationChainKind, escalationChainSchema } from './escalation-chain.kind';
import { notificationRuleKind, notificationRuleSchema } from './notification-rule.kind';

function fieldsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.')).sort();
}

describe('notification-rule kind', () => {
  const rule = {
    name: 'Assignments to the technicians',
    topic: 'assignment',
    audiences: ['technicians'],
    channels: ['inbox', 'push', 'email'],
  };

  it('is listed, and accepts a rule, every priority when none is named', () => {
    expect(masterDataKindByPlural('notification-rules')).toBe(notificationRuleKind);
    expect(notificationRuleSchema.parse(rule)).toEqual({ ...rule, priorities: [] });
    expect(
      notificationRuleSchema.parse({ ...rule, priorities: ['critical', 'high'], notes: ' Night shift too ' }),
    ).toMatchObject({ priorities: ['critical', 'high'], notes: 'Night shift too' });
  });

  it('refuses a rule that tells no one, or through no channel', () => {
    expect(fieldsOf(notificationRuleSchema.safeParse({ ...rule, audiences: [], channels: [] }))).toEqual([
      'audiences',
      'channels',
    ]);
  });

  it('refuses an unknown topic, audience, channel or priority, and unknown fields', () => {
    expect(
      fieldsOf(
        notificationRuleSchema.safeParse({
          ...rule,
          topic: 'lunch-break',
          audiences: ['everyone'],
          channels: ['fax'],
          priorities: ['whenever'],
        }),
      ),
    ).toEqual(['audiences.0', 'channels.0', 'priorities.0', 'topic']);
    expect(notificationRuleSchema.safeParse({ ...rule, schedule: 'daily' }).success).toBe(false);
  });

  it('refers to nothing and belongs to no one', () => {
    const parsed = notificationRuleSchema.parse(rule);
    expect(notificationRuleKind.references(parsed)).toEqual([]);
    expect(notificationRuleKind.scope(parsed, 'ASSIGN')).toEqual({});
  });
});

describe('escalation-chain kind', () => {
  const chain = {
    name: 'Gold, Milano',
    priorities: ['critical', 'high'],
    contractCodes: ['GOLD'],
    unitCodes: ['MI-NORD', 'MI-SUD'],
    levels: [
      { percent: 50, audiences: ['technicians'], channels: ['inbox', 'push'] },
      {
        percent: 75,
        audiences: ['unit-dispatchers'],
        channels: ['inbox', 'email'],
        acknowledgeWithinMinutes: 30,
      },
      { percent: 100, audiences: ['unit-managers', 'head-office'], channels: ['inbox', 'sms'] },
      { percent: 100, audiences: ['head-office'], channels: ['email'] },
    ],
  };
  const withLevel = (index: number, change: object) => ({
    ...chain,
    levels: chain.levels.map((level, i) => (i === index ? { ...level, ...change } : level)),
  });

  it('is listed, and accepts a chain; levels may share a threshold', () => {
    expect(masterDataKindByPlural('escalation-chains')).toBe(escalationChainKind);
    expect(escalationChainSchema.parse(chain)).toEqual(chain);
  });

  it('matches every request when it names nothing to match', () => {
    expect(escalationChainSchema.parse({ name: 'Default', levels: [chain.levels[0]] })).toEqual({
      name: 'Default',
      priorities: [],
      contractCodes: [],
      unitCodes: [],
      levels: [chain.levels[0]],
    });
  });

  it('refuses levels whose thresholds fall, naming the level that falls', () => {
    expect(fieldsOf(escalationChainSchema.safeParse(withLevel(1, { percent: 40 })))).toEqual([
      'levels.1.percent',
    ]);
  });

  it('refuses a chain without levels, a level that alerts no one or through no channel', () => {
    expect(fieldsOf(escalationChainSchema.safeParse({ ...chain, levels: [] }))).toEqual(['levels']);
    expect(fieldsOf(escalationChainSchema.safeParse(withLevel(0, { audiences: [], channels: [] })))).toEqual([
      'levels.0.audiences',
      'levels.0.channels',
    ]);
  });

  it('refuses thresholds and acknowledgement times out of range, and repeated codes', () => {
    expect(fieldsOf(escalationChainSchema.safeParse(withLevel(0, { percent: 0 })))).toEqual([
      'levels.0.percent',
    ]);
    expect(fieldsOf(escalationChainSchema.safeParse(withLevel(3, { percent: 301 })))).toEqual([
      'levels.3.percent',
    ]);
    expect(fieldsOf(escalationChainSchema.safeParse(withLevel(1, { acknowledgeWithinMinutes: 0 })))).toEqual([
      'levels.1.acknowledgeWithinMinutes',
    ]);
    expect(
      fieldsOf(escalationChainSchema.safeParse({ ...chain, unitCodes: ['MI-NORD', 'MI-NORD'] })),
    ).toEqual(['unitCodes.1']);
  });

  it('refuses an unknown audience or channel in a level', () => {
    expect(
      fieldsOf(escalationChainSchema.safeParse(withLevel(2, { audiences: ['board'], channels: ['fax'] }))),
    ).toEqual(['levels.2.audiences.0', 'levels.2.channels.0']);
  });

  it('refers to its contracts and units, and belongs to no one', () => {
    const parsed = escalationChainSchema.parse(chain);
    expect(escalationChainKind.references(parsed)).toEqual([
      { field: 'contractCodes.0', kind: 'contract', code: 'GOLD' },
      { field: 'unitCodes.0', kind: 'unit', code: 'MI-NORD' },
      { field: 'unitCodes.1', kind: 'unit', code: 'MI-SUD' },
    ]);
    expect(escalationChainKind.scope(parsed, 'GOLD-MI')).toEqual({});
  });
});

describe('user profile: where notifications reach a user', () => {
  const profile = { displayName: 'Anna', role: 'auditor' };

  it('accepts an e-mail address, a phone number in international form and the user’s switches', () => {
    const parsed = userProfileSchema.parse({
      ...profile,
      email: 'anna@example.com',
      phone: ' +393471234567 ',
      notifications: { sms: true, quietHours: { from: '22:00', to: '07:00' } },
    });
    expect(parsed).toMatchObject({ email: 'anna@example.com', phone: '+393471234567' });
    expect(parsed.notifications).toEqual({
      email: true,
      sms: true,
      push: true,
      quietHours: { from: '22:00', to: '07:00' },
      timeZone: 'Europe/Rome',
      mutedTopics: [],
    });
  });

  it('leaves them out when not given: the defaults apply', () => {
    const parsed = userProfileSchema.parse(profile);
    expect(parsed.email).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
    expect(parsed.notifications).toBeUndefined();
  });

  it('keeps a phone number typed with spaces, dots or dashes in its plain international form', () => {
    expect(userProfileSchema.parse({ ...profile, phone: '+39 347-123.4567' }).phone).toBe('+393471234567');
  });

  it.each(['3471234567', '+39 (347) 1234567', '+0393471234567', '+3912', '+39347123456789012'])(
    'refuses the phone number %j',
    (phone) => {
      expect(fieldsOf(userProfileSchema.safeParse({ ...profile, phone }))).toEqual(['phone']);
    },
  );

  it('refuses a bad e-mail address and bad switches, naming their path', () => {
    expect(
      fieldsOf(
        userProfileSchema.safeParse({
          ...profile,
          email: 'anna@',
          notifications: { quietHours: { from: '22:00', to: '22:00' }, mutedTopics: ['gossip'] },
        }),
      ),
    ).toEqual(['email', 'notifications.mutedTopics.0', 'notifications.quietHours']);
  });
});
