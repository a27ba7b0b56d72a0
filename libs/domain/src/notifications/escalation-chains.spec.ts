import { type EscalationChain, escalationChainSchema } from '../master-data/kinds/escalation-chain.kind';
import {
  type CandidateChain,
  type EscalatedRequest,
  escalationChainFor,
  levelsReached,
} from './escalation-chains';

const LEVELS = [
  { percent: 50, audiences: ['technicians'], channels: ['inbox', 'push'] },
  {
    percent: 75,
    audiences: ['unit-dispatchers'],
    channels: ['inbox', 'email'],
    acknowledgeWithinMinutes: 30,
  },
  { percent: 100, audiences: ['unit-managers'], channels: ['inbox', 'sms'] },
  { percent: 100, audiences: ['head-office'], channels: ['email'] },
];

const chain = (code: string, matching: Partial<EscalationChain> = {}): CandidateChain => ({
  code,
  record: escalationChainSchema.parse({ name: code, levels: LEVELS, ...matching }),
});

/** A high-priority request of the Gold contract at Milano Nord, under Lombardia, under the head office. */
const request: EscalatedRequest = {
  priority: 'high',
  contractCode: 'GOLD',
  unitPath: ['MI-NORD', 'LOMB', 'HQ'],
};
const choose = (chains: CandidateChain[], r: EscalatedRequest = request) =>
  escalationChainFor(chains, r)?.code;

describe('escalationChainFor: which chains match', () => {
  it('matches a generic chain (empty lists match all)', () => {
    expect(choose([chain('ALL')])).toBe('ALL');
  });

  it('is none when nothing matches', () => {
    expect(choose([])).toBeUndefined();
    expect(choose([chain('LOW', { priorities: ['low'] })])).toBeUndefined();
  });

  it('matches by priority', () => {
    expect(choose([chain('URGENT', { priorities: ['critical', 'high'] })])).toBe('URGENT');
    expect(choose([chain('URGENT', { priorities: ['critical'] })])).toBeUndefined();
  });

  it('matches by contract, never a request without one', () => {
    expect(choose([chain('GOLD', { contractCodes: ['SILVER', 'GOLD'] })])).toBe('GOLD');
    expect(choose([chain('SILVER', { contractCodes: ['SILVER'] })])).toBeUndefined();
    const { contractCode: _none, ...uncovered } = request;
    expect(choose([chain('GOLD', { contractCodes: ['GOLD'] })], uncovered)).toBeUndefined();
  });

  it('matches by unit: a chain for a parent unit covers the centres below it', () => {
    expect(choose([chain('NORD', { unitCodes: ['MI-NORD'] })])).toBe('NORD');
    expect(choose([chain('LOMB', { unitCodes: ['LOMB'] })])).toBe('LOMB');
    expect(choose([chain('HQ', { unitCodes: ['HQ'] })])).toBe('HQ');
    expect(choose([chain('SUD', { unitCodes: ['MI-SUD', 'LAZIO'] })])).toBeUndefined();
    expect(choose([chain('NORD', { unitCodes: ['MI-NORD'] })], { ...request, unitPath: [] })).toBeUndefined();
  });

  it('needs every criterion a chain names', () => {
    const goldInLazio = chain('GOLD-LAZIO', { contractCodes: ['GOLD'], unitCodes: ['LAZIO'] });
    const lowGold = chain('GOLD-LOW', { contractCodes: ['GOLD'], priorities: ['low'] });
    expect(choose([goldInLazio, lowGold])).toBeUndefined();
  });
});

describe('escalationChainFor: the most specific chain wins', () => {
  const generic = chain('ALL');
  const byPriority = chain('HIGH', { priorities: ['high'] });
  const byParent = chain('LOMB', { unitCodes: ['LOMB'] });
  const byCentre = chain('NORD', { unitCodes: ['MI-NORD'] });
  const byContract = chain('GOLD', { contractCodes: ['GOLD'] });

  it('a contract beats the nearest unit, which beats a farther one, a priority, and the generic chain', () => {
    const all = [generic, byPriority, byParent, byCentre, byContract];
    expect(choose(all)).toBe('GOLD');
    expect(choose(all.filter((c) => c !== byContract))).toBe('NORD');
    expect(choose([generic, byPriority, byParent])).toBe('LOMB');
    expect(choose([generic, byPriority])).toBe('HIGH');
  });

  it('does not depend on the order the chains come in', () => {
    const all = [byContract, byCentre, byParent, byPriority, generic];
    expect(choose(all)).toBe('GOLD');
    expect(choose([...all].reverse())).toBe('GOLD');
  });

  it('a nearer unit beats a farther unit with a priority', () => {
    expect(choose([chain('LOMB-HIGH', { unitCodes: ['LOMB'], priorities: ['high'] }), byCentre])).toBe(
      'NORD',
    );
  });

  it('a chain naming several units counts the nearest of them', () => {
    expect(choose([chain('MIXED', { unitCodes: ['HQ', 'MI-NORD'] }), byParent])).toBe('MIXED');
  });

  it('adds up what a chain names: contract and centre beat the contract alone', () => {
    expect(
      choose([byContract, chain('GOLD-NORD', { contractCodes: ['GOLD'], unitCodes: ['MI-NORD'] })]),
    ).toBe('GOLD-NORD');
    expect(choose([byPriority, chain('LOMB-HIGH', { unitCodes: ['LOMB'], priorities: ['high'] })])).toBe(
      'LOMB-HIGH',
    );
  });

  it('takes the first by code when two are as specific', () => {
    expect(
      choose([chain('B-GOLD', { contractCodes: ['GOLD'] }), chain('A-GOLD', { contractCodes: ['GOLD'] })]),
    ).toBe('A-GOLD');
    expect(choose([chain('ZZ'), chain('AA'), chain('MM')])).toBe('AA');
  });
});

describe('levelsReached', () => {
  const { record } = chain('STD');

  it('lists the levels whose threshold the alarm has reached, numbered from 1', () => {
    expect(levelsReached(record, 75).map(({ level }) => level)).toEqual([1, 2]);
    expect(levelsReached(record, 75)[1]).toEqual({ level: 2, definition: record.levels[1] });
  });

  it('counts a threshold reached exactly, and every level sharing it', () => {
    expect(levelsReached(record, 50).map(({ level }) => level)).toEqual([1]);
    expect(levelsReached(record, 100).map(({ level }) => level)).toEqual([1, 2, 3, 4]);
  });

  it('is none below the first threshold', () => {
    expect(levelsReached(record, 49)).toEqual([]);
  });
});
