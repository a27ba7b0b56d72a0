module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'sqlite-support',
  rootDir: __dirname,
};
