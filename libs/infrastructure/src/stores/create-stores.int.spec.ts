import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@fieldstream/testing';
import { loadConfig } from '../config/environment-variables';
import { createEventStore, createReadStore } from './create-stores';

describe('adapter selection on embedded defaults', () => {
  it('opens SQLite stores under DATA_DIR (creating it) that keep what was written across a reopen', async () => {
    const dir = await tempDir();
    try {
      const config = loadConfig({ DATA_DIR: join(dir.path, 'nested', 'data') });
      const events = await createEventStore(config);
      const reads = await createReadStore(config);
      expect((await events.health()).ok).toBe(true);
      expect((await reads.health()).ok).toBe(true);
      await events.appendToStream('visit-1', [
        {
          id: randomUUID(),
          type: 'VisitPlanned',
          data: { at: 'monday' },
          metadata: {
            correlationId: 'c',
            causationId: 'c',
            actorId: 'a',
            actorRole: 'system',
            occurredAt: new Date().toISOString(),
          },
        },
      ]);
      await reads.collection('visits').put({ _id: 'visit-1', at: 'monday' });
      await events.close();
      await reads.close();
      expect(existsSync(join(dir.path, 'nested', 'data', 'events.sqlite'))).toBe(true);
      expect(existsSync(join(dir.path, 'nested', 'data', 'read-models.sqlite'))).toBe(true);

      const events2 = await createEventStore(config);
      const reads2 = await createReadStore(config);
      expect(await events2.readStream('visit-1', { maxCount: 10 })).toHaveLength(1);
      expect(await reads2.collection('visits').get('visit-1')).toEqual({ _id: 'visit-1', at: 'monday' });
      await events2.close();
      await reads2.close();
    } finally {
      await dir.remove();
    }
  });
});
