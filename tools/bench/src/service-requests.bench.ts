/**
 * Service requests over HTTP, as the desk drives them: opening a request and assigning a
 * technician, against the real system started as `npm start` starts it (API and worker processes
 * through the launcher, embedded stores in a temp DATA_DIR seeded with the demo organisation, no
 * requests). The load comes from this process over keep-alive connections, signed in as the admin.
 * The baseline, measured in the same run on the same server: an authenticated endpoint that does
 * no work (GET /api/auth/me: token check, routing, JSON answer).
 *
 *   node -r @swc-node/register tools/bench/src/service-requests.bench.ts
 *        [--clients 64] [--seconds 10] [--rates 100,250,500,1000,2000] [--keep] [--cpu-prof DIR]
 *
 * --cpu-prof DIR writes a V8 CPU profile of the api and the worker into DIR (open it in Chrome
 * DevTools or speedscope) to see where a command's time goes.
 *
 * Phase A (closed loop, `--clients` concurrent callers for `--seconds` each): opens, then
 * assignments of those requests, then open+assign pairs; the bare endpoint at the same
 * concurrency. Phase B (open loop): open and assign alternating at each fixed rate (those below
 * 500/s show the latency of a server that keeps up; 500/s is the target's; the higher ones run
 * only if phase A reached them), latency measured from each call's scheduled send time; the bare
 * endpoint at the same rate.
 *
 * Targets (issue 4): open+assign >= 2,000 commands/s on a 2-core machine; p99 < 25 ms at 500/s.
 * The demo organisation requires explicit acceptance; the bench switches it off first (as an
 * organisation accepting requests on arrival would), so that an opened request can be assigned.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { type RunningSystem, startSystem } from '@fieldstream/launcher';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { runSeedCli } from '@fieldstream/seed';
import { startRedis, type TestRedis } from '@fieldstream/testing';
import { closedLoop, type RecordAnswer } from './http-load/closed-loop';
import { conflictFreeSlot } from './http-load/conflict-free-slots';
import { type HttpAnswer, KeepAliveClient } from './http-load/keep-alive-client';
import { describeErrors, errorCount, type LoadOutcome } from './http-load/load-outcome';
import { openLoop } from './http-load/open-loop';
import { summariseLatencies } from './latency-summary';

const TARGET_COMMANDS_PER_SECOND = 2_000;
const TARGET_P99_MS = 25;
const TARGET_P99_RATE = 500;
const BARE = { method: 'GET', path: '/api/auth/me', label: 'GET /api/auth/me' } as const;
const ADMIN_PASSWORD = 'bench-admin-password';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '10' },
    rates: { type: 'string', default: '100,250,500,1000,2000' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const RATES = values.rates.split(',').map(Number);
if (!Number.isInteger(CLIENTS) || CLIENTS < 1) throw new Error('--clients must be a positive whole number');
if (!(SECONDS > 0)) throw new Error('--seconds must be a positive number');
if (RATES.some((rate) => !(rate > 0))) throw new Error('--rates must be positive numbers, e.g. 500,1000');

const line = (text = '') => process.stdout.write(`${text}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const perSecond = (outcome: LoadOutcome) => (outcome.ok * 1000) / outcome.ms;
const whole = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const quiet = () => new PassThrough().resume();

interface Demo {
  technicianCodes: string[];
  assets: { customerCode: string; siteCode: string; assetCode: string }[];
}

/** The demo organisation's technicians and assets (with their sites), read before the server starts. */
async function readDemo(dataDir: string): Promise<Demo> {
  const reads = await openSqliteReadStore({ file: join(dataDir, 'read-models.sqlite') });
  try {
    const technicians = await reads
      .collection<MasterDataDocument>(masterDataCollection('technician'))
      .find({ status: 'active' });
    const assets = await reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .find({ status: 'active' });
    return {
      technicianCodes: technicians.map((technician) => technician.code).sort(),
      assets: assets.map((asset) => ({
        customerCode: String(asset.record['customerCode']),
        siteCode: String(asset.record['siteCode']),
        assetCode: asset.code,
      })),
    };
  } finally {
    await reads.close();
  }
}

function expectOk(what: string, answer: HttpAnswer): HttpAnswer {
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`${what}: HTTP ${answer.status} ${answer.body.slice(0, 500)}`);
  return answer;
}

/** The commands the load sends: opens on demo assets, assignments to slots nobody else takes. */
function commandsOn(client: KeepAliveClient, demo: Demo) {
  let opens = 0;
  let assignments = 0;
  return {
    open: () => {
      const asset = demo.assets[opens++ % demo.assets.length]!;
      return client.call('POST', '/api/service-requests', {
        ...asset,
        description: `Bench request ${opens}: the unit stops with an error code.`,
        priority: 'normal',
      });
    },
    assign: (requestId: string) =>
      client.call('POST', `/api/service-requests/${encodeURIComponent(requestId)}/assignments`, {
        assignments: [conflictFreeSlot(assignments++, demo.technicianCodes)],
      }),
    bare: () => client.call(BARE.method, BARE.path),
  };
}

const idOf = (answer: HttpAnswer): string => (JSON.parse(answer.body) as { id: string }).id;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-bench-service-requests-'));
  let redis: TestRedis | undefined;
  let system: RunningSystem | undefined;
  let client: KeepAliveClient | undefined;
  const serverTail: string[] = [];
  if (values['cpu-prof']) mkdirSync(values['cpu-prof'], { recursive: true });
  try {
    line(`service requests over HTTP: ${CLIENTS} clients, ${SECONDS} s per phase; data in ${dir}`);
    line(`  load average before: ${load()}`);
    const seedStarted = performance.now();
    const seeded = await runSeedCli(['--no-progress', '--requests', '0'], {
      env: { ...process.env, DATA_DIR: dir },
      cwd: process.cwd(),
      stdout: quiet(),
      stderr: quiet(),
    });
    if (seeded !== 0) throw new Error('the seed failed');
    const demo = await readDemo(dir);
    line(
      `  seeded the demo organisation in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: ` +
        `${demo.technicianCodes.length} technicians, ${demo.assets.length} assets`,
    );

    redis = await startRedis();
    const startStarted = performance.now();
    system = await startSystem({
      port: 0,
      dataDir: dir,
      redisUrl: redis.url,
      env: {
        ADMIN_PASSWORD,
        QUEUE_PREFIX: 'bench-service-requests',
        LOG_LEVEL: 'warn',
        DESK_DIST: join(dir, 'no-desk'),
        ...(values['cpu-prof']
          ? {
              NODE_OPTIONS: `--require ${join(__dirname, 'http-load', 'cpu-profile-hook.js')}`,
              BENCH_CPU_PROF_DIR: values['cpu-prof'],
            }
          : {}),
      },
      log: (text, source) => {
        serverTail.push(`[${source}] ${text}`);
        if (serverTail.length > 40) serverTail.shift();
      },
      readyTimeoutMs: 120_000,
    });
    void system.exited.then((crash) => {
      if (crash) process.stderr.write(`\n${crash.report}\n`);
    });
    line(
      `  started api (pid ${system.pids.api}) and worker (pid ${system.pids.worker}) at ${system.url} ` +
        `in ${((performance.now() - startStarted) / 1000).toFixed(1)} s`,
    );

    client = new KeepAliveClient(system.url, Math.max(CLIENTS, 1024));
    const login = expectOk(
      'sign in',
      await client.call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }),
    );
    client.signIn((JSON.parse(login.body) as { token: string }).token);

    // An opened request can only be assigned once accepted: accept on arrival for the bench.
    const parameters = JSON.parse(
      expectOk('read parameters', await client.call('GET', '/api/master-data/parameters/organisation')).body,
    ) as { record: Record<string, unknown> };
    const { code: _code, ...fields } = parameters.record;
    expectOk(
      'switch off explicit acceptance',
      await client.call('PUT', '/api/master-data/parameters/organisation', {
        ...fields,
        explicitAcceptance: false,
      }),
    );

    const commands = commandsOn(client, demo);
    const opened: string[] = [];
    const openStep = async (record: RecordAnswer) => {
      const startedAt = performance.now();
      const answer = await commands.open();
      record(answer, startedAt);
      if (answer.status === 201) opened.push(idOf(answer));
      return true;
    };
    const assignStep = async (record: RecordAnswer) => {
      const id = opened.shift();
      if (id === undefined) return false;
      const startedAt = performance.now();
      record(await commands.assign(id), startedAt);
      return true;
    };
    const pairStep = async (record: RecordAnswer) => {
      let startedAt = performance.now();
      const answer = await commands.open();
      record(answer, startedAt);
      if (answer.status !== 201) return true;
      startedAt = performance.now();
      record(await commands.assign(idOf(answer)), startedAt);
      return true;
    };
    const bareStep = async (record: RecordAnswer) => {
      const startedAt = performance.now();
      record(await commands.bare(), startedAt);
      return true;
    };

    // Unmeasured: the first requests of a process pay for JIT, module loading and cold caches.
    const warmUp = Math.min(2, SECONDS);
    await closedLoop(CLIENTS, warmUp, pairStep);
    await closedLoop(CLIENTS, warmUp, bareStep);

    line(`\nPhase A: closed loop, ${CLIENTS} clients, ${SECONDS} s each (load average ${load()})`);
    const openOutcome = await closedLoop(CLIENTS, SECONDS, openStep);
    const assignOutcome = await closedLoop(CLIENTS, SECONDS, assignStep);
    const pairOutcome = await closedLoop(CLIENTS, SECONDS, pairStep);
    const bareOutcome = await closedLoop(CLIENTS, SECONDS, bareStep);
    const bareRate = perSecond(bareOutcome);
    const phaseA = [
      { phase: 'open  POST /api/service-requests', outcome: openOutcome },
      { phase: 'assign  POST …/:id/assignments', outcome: assignOutcome },
      { phase: 'open+assign pairs', outcome: pairOutcome },
      { phase: `bare  ${BARE.label}`, outcome: bareOutcome },
    ];
    console.table(
      phaseA.map(({ phase, outcome }) => {
        const latency = summariseLatencies(outcome.latencies);
        return {
          phase,
          'ok/s': whole(perSecond(outcome)),
          ok: outcome.ok,
          errors: describeErrors(outcome),
          'p50 ms': Number(latency.p50.toFixed(1)),
          'p99 ms': Number(latency.p99.toFixed(1)),
          'vs bare': Number((perSecond(outcome) / bareRate).toFixed(3)),
        };
      }),
    );
    if (opened.length === 0 && assignOutcome.ms < SECONDS * 900)
      line(`  assign phase ran out of opened requests after ${(assignOutcome.ms / 1000).toFixed(1)} s`);
    line(`  load average after phase A: ${load()}`);

    const pairRate = perSecond(pairOutcome);
    const rates = RATES.filter((rate) => rate === TARGET_P99_RATE || rate <= pairRate);
    const skipped = RATES.filter((rate) => !rates.includes(rate));
    line(
      `\nPhase B: open loop, open and assign alternating, ${SECONDS} s per rate, latency from the scheduled send` +
        (skipped.length > 0
          ? `; skipped ${skipped.join(', ')}/s (above the ${whole(pairRate)}/s of phase A)`
          : ''),
    );
    let fellBackToOpen = 0;
    const phaseB: {
      rate: number;
      what: string;
      outcome: Awaited<ReturnType<typeof openLoop>>;
    }[] = [];
    for (const rate of rates) {
      const mixed = await openLoop(rate, SECONDS, async (index) => {
        const id = index % 2 === 1 ? opened.shift() : undefined;
        if (index % 2 === 1 && id === undefined) fellBackToOpen++;
        if (id !== undefined) return commands.assign(id);
        const answer = await commands.open();
        if (answer.status === 201) opened.push(idOf(answer));
        return answer;
      });
      phaseB.push({ rate, what: 'open+assign', outcome: mixed });
      const bare = await openLoop(rate, SECONDS, () => commands.bare());
      phaseB.push({ rate, what: `bare ${BARE.label}`, outcome: bare });
    }
    console.table(
      phaseB.map(({ rate, what, outcome }) => {
        const latency = summariseLatencies(outcome.latencies);
        return {
          'rate/s': rate,
          what,
          'p50 ms': Number(latency.p50.toFixed(1)),
          'p95 ms': Number(latency.p95.toFixed(1)),
          'p99 ms': Number(latency.p99.toFixed(1)),
          'max ms': Number(latency.max.toFixed(1)),
          ok: outcome.ok,
          errors: describeErrors(outcome),
          'sender late ms': Number(outcome.senderBehindMs.toFixed(1)),
        };
      }),
    );
    if (fellBackToOpen > 0)
      line(`  ${fellBackToOpen} assignments had no opened request left and were sent as opens`);
    for (const { phase, outcome } of phaseA)
      if (outcome.firstError) line(`  first error in ${phase}: ${outcome.firstError}`);
    for (const { rate, what, outcome } of phaseB)
      if (outcome.firstError) line(`  first error at ${rate}/s ${what}: ${outcome.firstError}`);

    const at500 = phaseB.find((entry) => entry.rate === TARGET_P99_RATE && entry.what === 'open+assign');
    const bareAt500 = phaseB.find((entry) => entry.rate === TARGET_P99_RATE && entry.what !== 'open+assign');
    const p99 = at500 ? summariseLatencies(at500.outcome.latencies).p99 : NaN;
    const bareP99 = bareAt500 ? summariseLatencies(bareAt500.outcome.latencies).p99 : NaN;
    const errors = [...phaseA.map((entry) => entry.outcome), ...phaseB.map((entry) => entry.outcome)].reduce(
      (sum, outcome) => sum + errorCount(outcome),
      0,
    );
    line(`\nSummary (baseline: ${BARE.label}, same server, same run)`);
    console.table([
      {
        figure: `open+assign commands/s, ${CLIENTS} clients`,
        measured: whole(pairRate),
        baseline: `${whole(bareRate)} req/s`,
        ratio: Number((pairRate / bareRate).toFixed(3)),
        target: `>= ${whole(TARGET_COMMANDS_PER_SECOND)}/s`,
        result: pairRate >= TARGET_COMMANDS_PER_SECOND ? 'PASS' : 'MISS',
      },
      {
        figure: 'open commands/s',
        measured: whole(perSecond(openOutcome)),
        baseline: `${whole(bareRate)} req/s`,
        ratio: Number((perSecond(openOutcome) / bareRate).toFixed(3)),
        target: '',
        result: '',
      },
      {
        figure: 'assign commands/s',
        measured: whole(perSecond(assignOutcome)),
        baseline: `${whole(bareRate)} req/s`,
        ratio: Number((perSecond(assignOutcome) / bareRate).toFixed(3)),
        target: '',
        result: '',
      },
      {
        figure: `p99 at ${TARGET_P99_RATE} commands/s`,
        measured: at500 ? ms(p99) : `not run (--rates without ${TARGET_P99_RATE})`,
        baseline: bareAt500 ? `${ms(bareP99)} p99` : '',
        ratio: at500 ? Number((p99 / bareP99).toFixed(1)) : '',
        target: `< ${TARGET_P99_MS} ms`,
        result: p99 < TARGET_P99_MS && at500?.outcome.unanswered === 0 ? 'PASS' : 'MISS',
      },
      {
        figure: 'errors (non-2xx) over all phases',
        measured: String(errors),
        baseline: '',
        ratio: '',
        target: '0',
        result: errors === 0 ? 'PASS' : 'MISS',
      },
    ]);
    line(
      `load average at the end: ${load()} (2 cores, shared; server and load generator on the same machine)`,
    );
  } catch (error) {
    if (serverTail.length > 0) process.stderr.write(`last server lines:\n${serverTail.join('\n')}\n`);
    throw error;
  } finally {
    client?.close();
    await system?.stop();
    await redis?.stop();
    if (values.keep) line(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
