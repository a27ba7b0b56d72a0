export * from './dispatch.queries';
export { loadDispatchCandidates, type DispatchCandidates } from './dispatch-candidates';
