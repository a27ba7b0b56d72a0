// The browser tests' harness is the one place that knows how the desk is built for a served
// system (and when it is stale) and which Chromium runs with which flags; the board bench reuses
// it rather than copy that logic and drift from it. Nx forbids importing an e2e project by
// default, to keep libraries off test code; a benchmark is test tooling like the e2e tests.
// eslint-disable-next-line @nx/enforce-module-boundaries
export { CHROMIUM_FLAGS, DESK_DIST, chromiumPath, ensureDeskBuilt } from '@fieldstream/desk-e2e';
