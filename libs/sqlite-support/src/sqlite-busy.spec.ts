import { isBusyError, retryBusy, retryBusySync } from './sqlite-busy';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('busy retries', () => {
  it('recognises busy and locked codes, extended ones included, and nothing else', () => {
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_LOCKED',
      'SQLITE_LOCKED_SHAREDCACHE',
    ]) {
      expect(isBusyError({ code })).toBe(true);
    }
    for (const value of [{ code: 'SQLITE_CONSTRAINT' }, new Error('x'), null, undefined, 'SQLITE_BUSY']) {
      expect(isBusyError(value)).toBe(false);
    }
  });

  it('retries busy failures until the operation succeeds', async () => {
    for (const retry of [retryBusySync, retryBusy]) {
      let calls = 0;
      const result = await retry(() => {
        if (++calls < 4) throw busy();
        return 'done';
      }, 5_000);
      expect({ result, calls }).toEqual({ result: 'done', calls: 4 });
    }
  });

  it('rethrows other errors at once and busy ones after the deadline', async () => {
    for (const retry of [retryBusySync, retryBusy]) {
      let calls = 0;
      const other = new Error('other');
      await expect(
        (async () =>
          retry(() => {
            calls++;
            throw other;
          }, 5_000))(),
      ).rejects.toBe(other);
      expect(calls).toBe(1);
      await expect(
        (async () =>
          retry(() => {
            throw busy();
          }, 30))(),
      ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    }
  });
});
