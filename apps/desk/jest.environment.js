// jsdom has no fetch. The desk's tests talk HTTP to a real local server, so lend the page Node's
// own fetch (undici) rather than a stand-in: the requests really go over a socket.
const { TestEnvironment } = require('jest-environment-jsdom');

class DeskTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder']) {
      if (typeof this.global[name] === 'undefined') this.global[name] = globalThis[name];
    }
  }
}

module.exports = DeskTestEnvironment;
