module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'attachment-store-disk',
  rootDir: __dirname,
};
