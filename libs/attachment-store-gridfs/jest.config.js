module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'attachment-store-gridfs',
  rootDir: __dirname,
};
