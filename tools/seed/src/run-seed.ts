import { systemContext, waitForReadModels } from '@fieldstream/application';
import type { CliContext } from '@fieldstream/infrastructure';
import {
  type MasterDataDocument,
  masterDataCollection,
  serviceRequestsProjection,
  technicianAgendaProjection,
} from '@fieldstream/projections';
import { openCliSession, type ServiceRequestsCliSession } from './cli-session';
import { playDemoRequests } from './demo-requests.runner';
import { planDemoRequests } from './demo-service-requests';
import { demoReceipts, ensureDemoStock } from './demo-stock';
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from './demo-users';
import { generateDemoData } from './generate-demo-data';
import { formatImportReport } from './import-report';
import { PhaseProgressBar } from './phase-progress.bar';
import { CliUsageError, SEED_USAGE, parseSeedArguments } from './seed-arguments';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(2)} s`;

/** The whole seeding tool as a function (tests and the start command run it in-process); answers the exit code. */
export async function runSeedCli(argv: readonly string[], context: CliContext): Promise<number> {
  const print = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  let args: ReturnType<typeof parseSeedArguments>;
  try {
    args = parseSeedArguments(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    print(context.stderr, `seed: ${error.message}\n\n${SEED_USAGE}`);
    return EXIT_USAGE;
  }
  if (args.help) {
    print(context.stdout, SEED_USAGE);
    return EXIT_OK;
  }

  let session: ServiceRequestsCliSession | undefined;
  const bar = args.progress ? new PhaseProgressBar(context.stderr) : null;
  try {
    session = await openCliSession(context.env, context.cwd, { serviceRequests: true });
    if (
      args.ifEmpty &&
      (await session.reads.collection<MasterDataDocument>(masterDataCollection('unit')).count({})) > 0
    ) {
      print(context.stdout, 'Demo data: the installation already has units; nothing to do.');
      return EXIT_OK;
    }
    print(context.stdout, `Seeding demo data into ${session.describe}`);
    const started = Date.now();
    const document = generateDemoData();
    const generated = seconds(started);

    const importStarted = Date.now();
    const result = await session.imports.run(
      systemContext(new Date().toISOString(), 'seed', { client: 'seed' }),
      { format: 'json', data: document, fileName: 'demo-data' },
      {
        onProgress: (progress) =>
          progress.phase === 'validating' || progress.phase === 'writing'
            ? bar?.update(progress.phase, progress.done, progress.total)
            : undefined,
      },
    );
    bar?.finish();
    const imported = seconds(importStarted);
    if (result.status !== 'committed') {
      print(context.stderr, formatImportReport(result, false));
      return EXIT_FAILED;
    }

    const usersStarted = Date.now();
    const users = await ensureDemoUsers(
      session.auth,
      session.reads,
      systemContext(new Date().toISOString(), result.importId, { client: 'seed' }),
      (done) => bar?.update('users', done, DEMO_USERS.length),
    );
    bar?.finish();

    const usersTook = seconds(usersStarted);
    const stockStarted = Date.now();
    const receipts = demoReceipts(document);
    const stock = await ensureDemoStock(
      session.events,
      session.reads,
      systemContext(new Date().toISOString(), result.importId, { client: 'seed' }),
      receipts,
      (done, total) => bar?.update('stock', done, total),
    );
    bar?.finish();

    const stockTook = seconds(stockStarted);
    const requestsStarted = Date.now();
    const plans = planDemoRequests(document, receipts, { now: new Date(), count: args.requests });
    const requests = await playDemoRequests(session.serviceRequests, document, plans, (done, total) =>
      bar?.update('service requests', done, total),
    );
    // The desk opened right after the seed should find the to-do list and the agendas complete.
    const head = await session.events.headPosition();
    await waitForReadModels(
      session.events,
      session.reads,
      [serviceRequestsProjection, technicianAgendaProjection],
      head,
      120_000,
    );
    bar?.finish();
    const requestsTook = seconds(requestsStarted);

    print(context.stdout, formatImportReport(result, false));
    print(
      context.stdout,
      `  users              ${String(DEMO_USERS.length).padStart(6)} records  ${String(users.created).padStart(6)} created  ${String(0).padStart(6)} changed  ${String(users.unchanged).padStart(6)} unchanged`,
    );
    print(
      context.stdout,
      `  stock              ${String(stock.stocked + stock.skipped).padStart(6)} warehouses ${String(stock.stocked).padStart(5)} stocked (${receipts.length} receipts in all)  ${String(stock.skipped).padStart(6)} already stocked`,
    );
    print(
      context.stdout,
      `  service requests   ${String(plans.length).padStart(6)} stories ${String(requests.opened).padStart(7)} opened  ${String(requests.steps).padStart(6)} steps played  ${String(requests.refused).padStart(6)} refused`,
    );
    for (const refusal of requests.refusals) print(context.stderr, `    refused: ${refusal}`);
    print(
      context.stdout,
      `Timings: generate ${generated}, validate + write ${imported}, users ${usersTook}, stock ${stockTook}, service requests ${requestsTook}, total ${seconds(started)}`,
    );
    print(context.stdout, `Demo users (password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS) {
      const binding = Object.values(user.binding)[0];
      print(context.stdout, `  ${user.username.padEnd(22)} ${user.role.padEnd(11)} ${binding ?? ''}`);
    }
    return EXIT_OK;
  } catch (error) {
    bar?.finish();
    print(context.stderr, `seed failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    await session?.close();
  }
}
