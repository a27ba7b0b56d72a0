module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'desk',
  rootDir: __dirname,
};
