module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'rebuild',
  rootDir: __dirname,
};
