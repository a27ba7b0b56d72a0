export * from './harness/chromium-path';
export * from './harness/ensure-desk-built';
export * from './harness/launch-chromium';
export * from './harness/run-axe';
export * from './harness/save-screenshot';
export * from './harness/start-target';
