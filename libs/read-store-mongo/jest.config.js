module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'read-store-mongo',
  rootDir: __dirname,
};
