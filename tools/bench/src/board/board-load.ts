import { closedLoop, type RecordAnswer } from '../http-load/closed-loop';
import type { HttpAnswer, KeepAliveClient } from '../http-load/keep-alive-client';
import { describeErrors, errorCount, type LoadOutcome } from '../http-load/load-outcome';
import { isoDate, plusDays, type WallDay, zonedInstant } from './zoned-time';

/** The bench's own service centre, under the demo head office: its rows are the bench's alone. */
export const BENCH_UNIT = {
  code: 'BENCH-BOARD',
  name: 'Bench – dispatch board centre',
  type: 'service-centre',
  parentCode: 'HQ',
  country: 'IT',
  subdivision: '25',
  timeZone: 'Europe/Rome',
  calendarCode: 'CAL-IT',
} as const;

/** Held by about ten of the bench's technicians: the baseline board is the bench unit filtered by it. */
export const BASELINE_SKILL = 'VENDING';

/** Appointment starts in the unit's wall-clock time (minutes past midnight), 60 minutes each. */
const SLOT_STARTS = [
  7 * 60,
  8 * 60 + 30,
  10 * 60,
  11 * 60 + 30,
  14 * 60,
  15 * 60 + 30,
  17 * 60,
  18 * 60 + 30,
  20 * 60,
];
export const MAX_PER_DAY = SLOT_STARTS.length;
const DURATION_MINUTES = 60;
const PRIORITIES = ['normal', 'normal', 'high', 'low', 'normal', 'critical'] as const;

export interface BenchTechnician {
  code: string;
  name: string;
  /** Holds the baseline skill. */
  baseline: boolean;
}

export interface DemoAsset {
  customerCode: string;
  siteCode: string;
  assetCode: string;
}

export function expectOk(what: string, answer: HttpAnswer): HttpAnswer {
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`${what}: HTTP ${answer.status} ${answer.body.slice(0, 300).replace(/\s+/g, ' ')}`);
  return answer;
}

/**
 * `count` technicians, named so that the board's order (by name) is their number's; about ten of
 * them, spread evenly, hold the baseline skill.
 */
export function benchTechnicians(count: number): BenchTechnician[] {
  const baselineCount = Math.min(10, Math.max(1, Math.floor(count / 10)));
  const step = count / baselineCount;
  const baseline = new Set(Array.from({ length: baselineCount }, (_, i) => Math.floor(i * step)));
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(width, '0');
    return { code: `BB-T${number}`, name: `Bench Technician ${number}`, baseline: baseline.has(i) };
  });
}

/** A line redrawn in place on a terminal; in a log file, one line every five seconds. */
export function progressReporter(write: (text: string) => void): {
  update(text: string): void;
  done(text: string): void;
} {
  let lastLoggedAt = performance.now();
  return {
    update(text) {
      if (process.stdout.isTTY) process.stdout.write(`\r  ${text}   `);
      else if (performance.now() - lastLoggedAt > 5000) {
        lastLoggedAt = performance.now();
        write(`  ${text}`);
      }
    },
    done(text) {
      if (process.stdout.isTTY) process.stdout.write('\r');
      write(`  ${text}`);
    },
  };
}

function failOn(what: string, outcome: LoadOutcome): void {
  if (errorCount(outcome) > 0)
    throw new Error(
      `${what}: ${describeErrors(outcome)}; first: ${outcome.firstError?.replace(/\s+/g, ' ')}`,
    );
}

/** The bench unit and its technicians, created over HTTP as the admin. */
export async function createBenchTechnicians(
  client: KeepAliveClient,
  technicians: readonly BenchTechnician[],
  clients: number,
): Promise<LoadOutcome> {
  expectOk('create the bench unit', await client.call('POST', '/api/master-data/units', BENCH_UNIT));
  let next = 0;
  const outcome = await closedLoop(clients, 3600, async (record: RecordAnswer) => {
    const technician = technicians[next++];
    if (!technician) return false;
    const startedAt = performance.now();
    record(
      await client.call('POST', '/api/master-data/technicians', {
        code: technician.code,
        name: technician.name,
        unitCode: BENCH_UNIT.code,
        skills: technician.baseline ? [{ skillCode: BASELINE_SKILL, level: 3 }] : [],
      }),
      startedAt,
    );
    return true;
  });
  failOn('create technicians', outcome);
  return outcome;
}

export interface AppointmentsLoad {
  /** The first day loaded; `days` follow it. */
  firstDay: WallDay;
  days: number;
  perDay: number;
}

/**
 * For every technician, `days` days from `firstDay` × `perDay` one-hour appointments: a request
 * opened on a demo asset, then assigned to that technician at that slot. Jobs go slot by slot
 * across all technicians, so concurrent callers never book the same technician's week at once.
 */
export async function loadAppointments(
  client: KeepAliveClient,
  technicians: readonly BenchTechnician[],
  assets: readonly DemoAsset[],
  load: AppointmentsLoad,
  clients: number,
  progress: (done: number, total: number, ms: number) => void,
): Promise<LoadOutcome> {
  const total = technicians.length * load.days * load.perDay;
  let next = 0;
  let done = 0;
  let failed = false; // the first refusal stops every caller: the rest would only repeat it
  const started = performance.now();
  const outcome = await closedLoop(clients, 24 * 3600, async (record: RecordAnswer) => {
    const n = next++;
    if (n >= total || failed) return false;
    const technician = technicians[n % technicians.length]!;
    const slot = Math.floor(n / technicians.length);
    const day = plusDays(load.firstDay, Math.floor(slot / load.perDay));
    const start = zonedInstant(day, SLOT_STARTS[slot % load.perDay]!, BENCH_UNIT.timeZone);
    const asset = assets[n % assets.length]!;
    let startedAt = performance.now();
    const opened = await client.call('POST', '/api/service-requests', {
      ...asset,
      description: `Board bench ${isoDate(day)} #${n}: the unit stops with an error code.`,
      priority: PRIORITIES[n % PRIORITIES.length],
    });
    record(opened, startedAt);
    if (opened.status !== 201) return !(failed = true);
    const { id } = JSON.parse(opened.body) as { id: string };
    startedAt = performance.now();
    // No If-Match: the request was opened by this call a moment ago and nobody else writes to it.
    const assigned = await client.call(
      'POST',
      `/api/service-requests/${encodeURIComponent(id)}/assignments`,
      {
        assignments: [
          { technicianCode: technician.code, start: start.toISOString(), durationMinutes: DURATION_MINUTES },
        ],
      },
    );
    record(assigned, startedAt);
    if (assigned.status !== 200) return !(failed = true);
    progress(++done, total, performance.now() - started);
    return true;
  });
  failOn('open and assign', outcome);
  return outcome;
}
