export * from './dispatch.queries';
export { loadDispatchCandidates, type DispatchCandidates } from './dispatch-candidates';
export * from './assignment-impact';
export * from './dispatch-board';
