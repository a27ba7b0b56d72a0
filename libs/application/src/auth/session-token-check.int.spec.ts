import { join } from 'node:path';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { ProjectionRunner, builtInProjections, silentLogger } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { AuthService } from './auth.service';

/**
 * A token's signature is checked once and remembered; what must still be judged on every call is
 * judged on every call. Real stores and projections; only the clock is the test's.
 */
describe('checking session tokens (real SQLite stores, a test clock)', () => {
  const TTL_SECONDS = 600;
  let dir: TempDir;
  let events: EventStore;
  let reads: ReadStore;
  let runner: ProjectionRunner;
  let clock = new Date('2026-11-26T08:00:00Z');
  let auth: AuthService;

  beforeAll(async () => {
    dir = await tempDir();
    events = await openSqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    reads = await openSqliteReadStore({ file: join(dir.path, 'reads.sqlite') });
    runner = new ProjectionRunner({
      eventStore: events,
      readStore: reads,
      projections: builtInProjections,
      maxBatchWaitMs: 5,
      logger: silentLogger,
    });
    runner.start();
    auth = new AuthService({
      events,
      reads,
      tokenSecret: 'a-test-secret-of-at-least-thirty-two-bytes',
      tokenTtlSeconds: TTL_SECONDS,
      now: () => clock,
    });
    await auth.ensureAdmin('admin', 'admin-password-1', 'test');
  });
  afterAll(async () => {
    await runner.stop();
    await reads.close();
    await events.close();
    await dir.remove();
  });

  it('refuses a token used a moment ago once it has expired, as expired', async () => {
    clock = new Date('2026-11-26T08:00:00Z');
    const { token } = await auth.login('admin', 'admin-password-1', 'test');
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      principal: { role: 'admin' },
    });
    clock = new Date(clock.getTime() + (TTL_SECONDS - 1) * 1000);
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      principal: { role: 'admin' },
    });
    clock = new Date(clock.getTime() + 1000);
    await expect(auth.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'token_expired' });
  });

  it('ends a remembered token at logout, and refuses one whose signature was tampered with', async () => {
    clock = new Date('2026-11-26T12:00:00Z');
    const { token } = await auth.login('admin', 'admin-password-1', 'test');
    const { principal, sessionId } = await auth.authenticate(`Bearer ${token}`);
    await auth.logout(principal, sessionId, 'test');
    await expect(auth.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'session_ended' });

    const { token: other } = await auth.login('admin', 'admin-password-1', 'test');
    await auth.authenticate(`Bearer ${other}`);
    const [header, payload, signature] = other.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(auth.authenticate(`Bearer ${header}.${payload}.${flipped}`)).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });
});
