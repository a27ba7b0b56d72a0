module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'desk-e2e',
  rootDir: __dirname,
};
