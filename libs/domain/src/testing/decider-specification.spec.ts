import { type Decider, DomainError, foldEvents } from '../index';
import { deciderSpecification } from './decider-specification';

// A turnstile: the smallest decider with a rule worth specifying.
type TurnstileEvent = { type: 'CoinInserted'; amount: number } | { type: 'Passed' };
type TurnstileCommand = { type: 'InsertCoin'; amount: number } | { type: 'Pass' };
type TurnstileState = { credit: number };

const turnstile: Decider<TurnstileState, TurnstileCommand, TurnstileEvent> = {
  initialState: { credit: 0 },
  evolve: (state, event) => {
    switch (event.type) {
      case 'CoinInserted':
        return { credit: state.credit + event.amount };
      case 'Passed':
        if (state.credit < 1) throw new Error('evolve: passing without credit');
        return { credit: state.credit - 1 };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'InsertCoin':
        if (command.amount <= 0) throw new DomainError('invalid_amount', 'A coin must be worth something');
        return [{ type: 'CoinInserted', amount: command.amount }];
      case 'Pass':
        if (state.credit < 1)
          throw new DomainError('no_credit', 'Insert a coin first', { credit: state.credit });
        return [{ type: 'Passed' }];
    }
  },
};

const spec = deciderSpecification(turnstile);

describe('deciderSpecification', () => {
  it('folds the history before deciding', () => {
    spec
      .given([{ type: 'CoinInserted', amount: 1 }])
      .when({ type: 'Pass' })
      .then([{ type: 'Passed' }]);
  });

  it('reports a domain refusal with its code', () => {
    spec
      .given([{ type: 'CoinInserted', amount: 1 }, { type: 'Passed' }])
      .when({ type: 'Pass' })
      .thenThrows(DomainError, (error) => error.code === 'no_credit' && error.details['credit'] === 0);
  });

  it('fails a specification whose expected events differ', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'InsertCoin', amount: 2 })
        .then([{ type: 'CoinInserted', amount: 1 }]),
    ).toThrow();
  });

  it('fails thenThrows when the command succeeds', () => {
    expect(() => spec.given([]).when({ type: 'InsertCoin', amount: 1 }).thenThrows(DomainError)).toThrow();
  });

  it('foldEvents gives the state a history leads to', () => {
    expect(foldEvents(turnstile, [{ type: 'CoinInserted', amount: 3 }, { type: 'Passed' }])).toEqual({
      credit: 2,
    });
  });
});
