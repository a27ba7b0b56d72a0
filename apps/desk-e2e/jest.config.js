module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'desk-e2e',
  rootDir: __dirname,
  // A cold run builds the desk, starts the system and a browser: minutes, not seconds.
  testTimeout: 180_000,
  maxWorkers: 1,
};
