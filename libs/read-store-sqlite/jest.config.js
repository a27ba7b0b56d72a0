module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'read-store-sqlite',
  rootDir: __dirname,
};
