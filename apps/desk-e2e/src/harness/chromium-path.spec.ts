import { existsSync } from 'node:fs';
import { chromiumPath, DEFAULT_CHROMIUM } from './chromium-path';

describe('chromiumPath', () => {
  it('names the missing binary and how to install it', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /Chromium at \/nonexistent\/chromium.*apt-get install -y chromium/s,
    );
  });

  it("defaults to Debian's /usr/bin/chromium", () => {
    if (existsSync(DEFAULT_CHROMIUM)) expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
    else expect(() => chromiumPath({})).toThrow(DEFAULT_CHROMIUM);
  });
});
