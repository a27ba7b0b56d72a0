/**
 * A decider is the whole behaviour of one kind of stream, as three pure pieces:
 * - `initialState`: the state of a stream with no event;
 * - `evolve`: folds one event into the state;
 * - `decide`: answers a command with the events it causes, or throws a DomainError.
 *
 * Nothing here reads a clock, draws a random number or does I/O: time, ids and the acting user
 * arrive inside the command, so the same command on the same history always decides the same.
 */
export interface Decider<State, Command, Event> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** Folds a history into a state. */
export function foldEvents<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
