module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'attachment-store',
  rootDir: __dirname,
};
