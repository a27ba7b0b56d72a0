import { randomBytes } from 'node:crypto';
import {
  AuthService,
  ImportService,
  MasterDataService,
  ServiceRequestCommands,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { createEventStore, createReadStore, loadConfig } from '@fieldstream/infrastructure';
import {
  type AnyProjection,
  ProjectionRunner,
  masterDataProjection,
  serviceRequestsProjection,
  silentLogger,
  stockProjection,
  technicianAgendaProjection,
  usersProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/** The stores and services a command-line tool works with, acting on the configured installation. */
export interface CliSession {
  events: EventStore;
  reads: ReadStore;
  masterData: MasterDataService;
  imports: ImportService;
  auth: AuthService;
  /** Where the stores are, for the tool's first line. */
  describe: string;
  close(): Promise<void>;
}

/** A session that also plays service-request commands (the seed's demo history). */
export interface ServiceRequestsCliSession extends CliSession {
  serviceRequests: ServiceRequestCommands;
}

export interface CliSessionOptions {
  /** Also run service-request commands and keep the service-request and agenda read models up to date. */
  serviceRequests?: boolean;
}

/**
 * Opens the stores named by the environment (DATA_DIR, ESDB_URL, MONGO_URL...) and keeps the
 * master-data, users and stock read models (with `serviceRequests`, the service-request and agenda
 * ones too) up to date while the tool runs: projections normally run in
 * the worker, which may not be running (first start, a maintenance window). When it does run,
 * both follow the same checkpoints; whoever commits first wins and the other moves on.
 */
export async function openCliSession(
  env: NodeJS.ProcessEnv,
  cwd: string,
  options: CliSessionOptions & { serviceRequests: true },
): Promise<ServiceRequestsCliSession>;
export async function openCliSession(
  env: NodeJS.ProcessEnv,
  cwd: string,
  options?: CliSessionOptions,
): Promise<CliSession>;
export async function openCliSession(
  env: NodeJS.ProcessEnv,
  cwd: string,
  options: CliSessionOptions = {},
): Promise<CliSession | ServiceRequestsCliSession> {
  const config = loadConfig(env, cwd);
  const events = await createEventStore(config);
  const reads = await createReadStore(config).catch(async (error: unknown) => {
    await events.close();
    throw error;
  });
  const runner = new ProjectionRunner({
    eventStore: events,
    readStore: reads,
    projections: [
      masterDataProjection as unknown as AnyProjection,
      usersProjection as unknown as AnyProjection,
      stockProjection as unknown as AnyProjection,
      ...(options.serviceRequests
        ? [
            serviceRequestsProjection as unknown as AnyProjection,
            technicianAgendaProjection as unknown as AnyProjection,
          ]
        : []),
    ],
    maxBatchWaitMs: 5,
    logger: silentLogger,
  });
  runner.start();
  const masterData = new MasterDataService({ events, reads, projectionWaitMs: 60_000 });
  const session: CliSession = {
    events,
    reads,
    masterData,
    imports: new ImportService({ events, reads, masterData, projectionWaitMs: 120_000 }),
    // Registers users only; it never signs a session, so a throw-away key is enough.
    auth: new AuthService({
      events,
      reads,
      tokenSecret: randomBytes(32).toString('hex'),
      tokenTtlSeconds: 60,
      projectionWaitMs: 60_000,
    }),
    describe: `${config.eventStore.kind === 'sqlite' ? config.eventStore.file : 'EventStoreDB'} / ${config.readStore.kind === 'sqlite' ? config.readStore.file : `MongoDB ${config.readStore.database}`}`,
    async close() {
      await runner.stop();
      await reads.close();
      await events.close();
    },
  };
  if (!options.serviceRequests) return session;
  return { ...session, serviceRequests: new ServiceRequestCommands({ events, reads, masterData }) };
}
