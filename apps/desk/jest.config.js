module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'desk',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/jest.environment.js',
  // jsdom lacks the layout APIs Mantine probes (matchMedia, ResizeObserver).
  setupFiles: [...require('../../jest.preset.js').setupFiles, '<rootDir>/jest.setup.ts'],
};
