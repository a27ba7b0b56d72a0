import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore } from '@fieldstream/event-store';
import { createEventStore, createReadStore, loadConfig } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import { ServiceRequestReadModels } from './service-request-read-models';

/**
 * The wait before a command's answer, on the real embedded stores with checkpoints set by hand:
 * no projection runs, so what the read models "show" is exactly what each test says.
 */
describe('ServiceRequestReadModels', () => {
  let dir: TempDir;
  let events: EventStore;
  let reads: ReadStore;
  let readModels: ServiceRequestReadModels;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    dir = await tempDir();
    const config = loadConfig({
      DATA_DIR: join(dir.path, 'data'),
      REDIS_URL: 'redis://127.0.0.1:1',
      LOG_LEVEL: 'error',
      SERVE_DESK: 'false',
    });
    events = await createEventStore(config);
    reads = await createReadStore(config);
    readModels = new ServiceRequestReadModels(events, reads);
  });

  afterEach(async () => {
    await events.close();
    await reads.close();
    await dir.remove();
  });

  const append = async (stream: string, type: string) =>
    (
      await events.appendToStream(stream, [
        {
          id: randomUUID(),
          type,
          data: { requestId: 'r-1', appointmentId: 'a-1' },
          metadata: {
            correlationId: 'c',
            causationId: 'c',
            actorId: 'u',
            actorRole: 'dispatcher',
            occurredAt: '2026-11-27T08:00:00.000Z',
          },
        },
      ])
    ).position;
  const checkpoint = async (projection: string, position: number) =>
    reads.commitProjectionBatch({
      projection,
      expectedCheckpoint: await reads.getCheckpoint(projection),
      nextCheckpoint: position,
      writes: [],
    });

  it('does not wait at all when the command wrote nothing', async () => {
    expect(await readModels.caughtUp({})).toBe(true);
  });

  it('does not wait for the agenda when the command wrote nothing the agenda reads', async () => {
    const booked = await append('technician-schedule-T-MI-1-2026-W49', 'AppointmentReserved');
    const noted = await append('service-request-r-1', 'ServiceRequestNoteAdded');
    await checkpoint('technician-agenda', booked);
    await checkpoint('service-requests', noted);
    // Waiting for the agenda's checkpoint to reach the note would end in giving up: false.
    expect(await readModels.caughtUp({ position: noted })).toBe(true);
  });

  it('waits until each read model has applied what the command wrote', async () => {
    const booked = await append('technician-schedule-T-MI-1-2026-W49', 'AppointmentReserved');
    const assigned = await append('service-request-r-1', 'ServiceRequestTechniciansAssigned');
    const confirmed = await append('technician-schedule-T-MI-1-2026-W49', 'AppointmentConfirmed');
    await checkpoint('service-requests', assigned);
    await checkpoint('technician-agenda', booked);
    let settled = false;
    const waiting = readModels.caughtUp({ position: confirmed }).then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    await checkpoint('technician-agenda', confirmed);
    expect(await waiting).toBe(true);
  });

  it('answers false once it has waited long enough for a read model that stays behind', async () => {
    const assigned = await append('service-request-r-1', 'ServiceRequestTechniciansAssigned');
    expect(await readModels.caughtUp({ position: assigned })).toBe(false);
    // Caught up once the read model has it.
    await checkpoint('service-requests', assigned);
    expect(await readModels.caughtUp({ position: assigned })).toBe(true);
  });

  it('waits only for the read models the command says it fed, up to what it wrote there', async () => {
    const booked = await append('technician-schedule-T-MI-1-2026-W49', 'AppointmentReserved');
    const later = await append('service-request-r-2', 'ServiceRequestNoteAdded');
    await checkpoint('service-requests', later);
    const waiting = readModels.caughtUp({
      position: booked,
      readModels: [{ projection: 'technician-agenda', position: booked }],
    });
    await checkpoint('technician-agenda', booked);
    expect(await waiting).toBe(true);
    // A read model named but never reaching the position: the answer says it is late.
    expect(
      await readModels.caughtUp({
        position: later + 100,
        readModels: [{ projection: 'technician-agenda', position: later + 100 }],
      }),
    ).toBe(false);
  });
});
