import { join } from 'node:path';
import {
  type Principal,
  type ServiceRequestState,
  type TechnicianScheduleState,
  serviceRequestDecider,
  serviceRequestStreamName,
  technicianScheduleDecider,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import {
  type AnyProjection,
  ProjectionRunner,
  masterDataProjection,
  silentLogger,
  stockProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type CommandContext, systemContext } from '../../../commands/command-context';
import { loadStream } from '../../../commands/execute-command';
import { technicianScheduleStreamName } from '../../../commands/stream-names';
import { MasterDataService } from '../../../master-data/master-data.service';
import { StockService } from '../../../stock/stock.service';
import type { OpenServiceRequestInput } from '../../service-request-action';
import { ServiceRequestCommands } from '../service-request-commands.service';
import { SERVICE_REQUEST_ORGANISATION } from './service-request-organisation.fixture';

/** Who acts in the tests, one principal per role and binding. */
export const ACTORS = {
  admin: { id: 'admin-1', displayName: 'Admin', kind: 'user', role: 'admin' },
  dispatcherMi: {
    id: 'disp-mi',
    displayName: 'Desk Milano',
    kind: 'user',
    role: 'dispatcher',
    unitCode: 'MI',
  },
  dispatcherRm: { id: 'disp-rm', displayName: 'Desk Roma', kind: 'user', role: 'dispatcher', unitCode: 'RM' },
  technicianMi: {
    id: 'tech-mi',
    displayName: 'Mario Rossi',
    kind: 'user',
    role: 'technician',
    technicianCode: 'T-MI-1',
  },
  technicianMi2: {
    id: 'tech-mi-2',
    displayName: 'Luca Verdi',
    kind: 'user',
    role: 'technician',
    technicianCode: 'T-MI-2',
  },
  customerAcme: {
    id: 'acme',
    displayName: 'ACME buyer',
    kind: 'user',
    role: 'customer',
    customerCode: 'ACME',
  },
  integrator: { id: 'erp', displayName: 'ERP', kind: 'api-key', role: 'integrator' },
  device: {
    id: 'boiler-1',
    displayName: 'Boiler',
    kind: 'api-key',
    role: 'device',
    assetCodes: ['SN-ACME-1'],
  },
  manager: { id: 'boss', displayName: 'Manager', kind: 'user', role: 'manager', unitCode: 'HQ' },
  auditor: { id: 'audit', displayName: 'Auditor', kind: 'user', role: 'auditor' },
} satisfies Record<string, Principal>;

/** Real stores in a temporary directory, the organisation registered, the service ready. */
export interface ServiceRequestTestBed {
  events: EventStore;
  reads: ReadStore;
  masterData: MasterDataService;
  stock: StockService;
  commands: ServiceRequestCommands;
  /** A command context for an actor, at a fixed instant unless told. */
  as(actor: Principal, options?: { key?: string; at?: string }): CommandContext;
  requestState(requestId: string): Promise<ServiceRequestState & { version: number }>;
  schedule(technicianCode: string, period: string): Promise<TechnicianScheduleState & { version: number }>;
  /** A request at S-ACME-1 opened and accepted by the admin. */
  openAccepted(input?: Partial<OpenServiceRequestInput>): Promise<string>;
  /** A request opened, accepted and assigned to one technician; answers its appointment. */
  openAssigned(
    technicianCode: string,
    start: string,
    durationMinutes: number,
  ): Promise<{ requestId: string; appointmentId: string }>;
  stop(): Promise<void>;
}

export const TEST_NOW = '2026-11-20T08:00:00.000Z';

/** A scratch directory the stores live in, removed on stop (the spec makes it with `tempDir`). */
export interface ScratchDirectory {
  path: string;
  remove(): Promise<void>;
}

export async function startServiceRequestTestBed(dir: ScratchDirectory): Promise<ServiceRequestTestBed> {
  const events = await openSqliteEventStore({ file: join(dir.path, 'events.sqlite') });
  const reads = await openSqliteReadStore({ file: join(dir.path, 'read-models.sqlite') });
  // Master data (the desk's visible scope reads it) and stock; the service-request projections
  // are not needed: the command side never reads them.
  const runner = new ProjectionRunner({
    eventStore: events,
    readStore: reads,
    projections: [masterDataProjection, stockProjection] as unknown as AnyProjection[],
    maxBatchWaitMs: 5,
    logger: silentLogger,
  });
  runner.start();
  const masterData = new MasterDataService({ events, reads });
  const stock = new StockService(events, reads, masterData);
  const admin = systemContext(TEST_NOW, 'organisation');
  for (const [plural, code, fields] of SERVICE_REQUEST_ORGANISATION) {
    await masterData.write(admin, plural, 'register', code, fields);
  }
  await stock.move(admin, 'VAN-T-MI-1', {
    type: 'receive',
    itemCode: 'FILTER',
    quantity: 2,
    reason: 'Delivery',
  });
  let correlation = 0;
  const as = (actor: Principal, options: { key?: string; at?: string } = {}): CommandContext => ({
    actor,
    at: options.at ?? TEST_NOW,
    correlationId: `test-${++correlation}`,
    ...(options.key ? { idempotencyKey: options.key } : {}),
  });
  const commands = new ServiceRequestCommands({ events, reads, masterData });
  const requestState = async (requestId: string) => {
    const { state, version } = await loadStream(
      events,
      serviceRequestStreamName(requestId),
      serviceRequestDecider,
    );
    return { ...state, version };
  };
  const openAccepted = async (input: Partial<OpenServiceRequestInput> = {}) => {
    const { requestId } = await commands.open(as(ACTORS.admin), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'The boiler leaks',
      priority: 'normal',
      conditionCodes: [],
      ...input,
    });
    await commands.execute(as(ACTORS.admin), requestId, { type: 'accept' });
    return requestId;
  };
  return {
    events,
    reads,
    masterData,
    stock,
    commands,
    as,
    requestState,
    openAccepted,
    async openAssigned(technicianCode, start, durationMinutes) {
      const requestId = await openAccepted();
      await commands.execute(as(ACTORS.admin), requestId, {
        type: 'assign',
        assignments: [{ technicianCode, start, durationMinutes }],
        displace: [],
      });
      const appointmentId = (await requestState(requestId)).assignments[technicianCode]?.appointmentId;
      if (!appointmentId) throw new Error('the assignment holds no appointment');
      return { requestId, appointmentId };
    },
    async schedule(technicianCode, period) {
      const { state, version } = await loadStream(
        events,
        technicianScheduleStreamName(technicianCode, period),
        technicianScheduleDecider,
      );
      return { ...state, version };
    },
    async stop() {
      await runner.stop();
      await events.close();
      await reads.close();
      await dir.remove();
    },
  };
}
