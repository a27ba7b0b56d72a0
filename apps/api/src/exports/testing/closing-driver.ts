import {
  type CommandContext,
  MasterDataService,
  ServiceRequestCommands,
  waitForReadModels,
} from '@fieldstream/application';
import {
  type CloseBody,
  type OpenServiceRequestBody,
  assignBodySchema,
  closeBodySchema,
  openServiceRequestBodySchema,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { createEventStore, createReadStore } from '@fieldstream/infrastructure';
import { masterDataProjection, serviceRequestsProjection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { TestApi } from '../../testing/start-test-api';

const DESK: Principal = { id: 'export-test', displayName: 'Export test desk', kind: 'user', role: 'admin' };

/**
 * Closings at instants the test picks (the API stamps the real time): the application's own
 * commands on the API's stores, through connections of their own as a second process would
 * have. Only the clock is chosen; the requests are opened, accepted, assigned, started and closed
 * (stock issued) by the same code the API runs.
 */
export interface ClosingDriver {
  /** A request of ACME's boiler walked to its closure at `closedAt`, earlier steps shortly before. */
  closeAt(
    closedAt: string,
    closing?: Partial<CloseBody>,
    opening?: Partial<OpenServiceRequestBody>,
  ): Promise<string>;
  /** Waits until the API's read models show everything written so far. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startClosingDriver(api: TestApi): Promise<ClosingDriver> {
  const events: EventStore = await createEventStore(api.config);
  const reads: ReadStore = await createReadStore(api.config);
  const settle = async (projections: { name: string; eventTypes: readonly string[] | 'all' }[]) => {
    const late = await waitForReadModels(events, reads, projections, await events.headPosition(), 20_000);
    if (late.length > 0) throw new Error(`read models still late: ${late.join(', ')}`);
  };
  // The commands read master data (sites, zones, items, warehouses) from the read models.
  await settle([masterDataProjection]);
  const commands = new ServiceRequestCommands({
    events,
    reads,
    masterData: new MasterDataService({ events, reads }),
  });
  const at = (ms: number): CommandContext => {
    const time = new Date(ms).toISOString();
    return { actor: DESK, at: time, correlationId: `export-test-${time}` };
  };
  // The booked slots never overlap, whatever the closing times (a technician is not booked twice).
  let slot = 0;

  return {
    async closeAt(closedAt, closing = {}, opening = {}) {
      const closingMs = Date.parse(closedAt);
      const body = openServiceRequestBodySchema.parse({
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        assetCode: 'SN-ACME-1',
        description: 'The boiler stops at night.',
        priority: 'high',
        ...opening,
      });
      const { requestId } = await commands.open(at(closingMs - 3 * 3_600_000), body);
      await commands.execute(at(closingMs - 3 * 3_600_000 + 1000), requestId, { type: 'accept' });
      const start = new Date(Date.UTC(2027, 5, 1, 7) + slot++ * 3 * 3_600_000).toISOString();
      await commands.execute(at(closingMs - 2 * 3_600_000), requestId, {
        type: 'assign',
        ...assignBodySchema.parse({
          assignments: [{ technicianCode: 'T-MI-1', start, durationMinutes: 60 }],
        }),
      });
      await commands.execute(at(closingMs - 3_600_000), requestId, {
        type: 'startWork',
        technicianCode: 'T-MI-1',
      });
      await commands.execute(at(closingMs), requestId, {
        type: 'close',
        ...closeBodySchema.parse({
          labourMinutes: 50,
          travelMinutes: 20,
          travelKm: 8,
          resolution: 'Thermostat replaced.',
          ...closing,
        }),
      });
      return requestId;
    },
    async settle() {
      await settle([serviceRequestsProjection]);
    },
    async stop() {
      await events.close();
      await reads.close();
    },
  };
}
