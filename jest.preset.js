// Shared jest settings: SWC for speed (decorator metadata on, as Nest needs), Node environment
// by default; the SPA's own config switches to jsdom.
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcOptions] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@fullcalendar|@full-ui|temporal-polyfill|temporal-utils|react-leaflet|@react-leaflet|leaflet)/)',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper: { '\\.css$': '<rootDir>/../../tools/testing/style-stub.js' },
  testMatch: ['**/?(*.)+(spec).[jt]s?(x)'],
  setupFiles: ['reflect-metadata'],
  // The summary reporter leaves per-project counts for the test command's closing line.
  reporters: ['default', '<rootDir>/../../tools/testing/jest-summary-reporter.js'],
};
