import type { Decider } from '../kernel/decider';

/**
 * Given / when / then specifications for deciders, for use inside jest tests:
 *
 *   const spec = deciderSpecification(serviceRequestDecider);
 *   spec.given([opened]).when(accept).then([accepted]);
 *   spec.given([]).when(accept).thenThrows(DomainError, (e) => e.code === 'not_open');
 *
 * `then` also checks that the decided events evolve without error, so a decider cannot emit an
 * event that its own `evolve` would reject.
 */
export function deciderSpecification<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          const decideNow = () => {
            const state = history.reduce(decider.evolve, decider.initialState);
            const events = decider.decide(command, state);
            events.reduce(decider.evolve, state);
            return events;
          };
          return {
            then(expected: readonly Event[]): void {
              expect(decideNow()).toEqual(expected);
            },
            thenNothingHappens(): void {
              expect(decideNow()).toEqual([]);
            },
            thenThrows<E extends Error>(
              errorType: abstract new (...args: never[]) => E,
              check?: (error: E) => boolean,
            ): void {
              let caught: unknown;
              try {
                decideNow();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(errorType);
              if (check) expect(check(caught as E)).toBe(true);
            },
          };
        },
      };
    },
  };
}
