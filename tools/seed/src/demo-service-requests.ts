import type { OpenServiceRequestInput, ServiceRequestAction } from '@fieldstream/application';
import type { DemoDocument } from './generate-demo-data';
import type { DemoReceipt } from './demo-stock';
import { Prng } from './prng';

/** Who acts in a demo step: a centre's desk, the customer on the portal, or a technician. */
export type DemoActor =
  | { kind: 'desk'; unitCode: string }
  | { kind: 'portal'; customerCode: string }
  | { kind: 'technician'; technicianCode: string };

export interface DemoStep {
  at: string;
  actor: DemoActor;
  action: ServiceRequestAction;
}

/** One request's story: how it opened and everything that happened to it since. */
export interface DemoRequestPlan {
  index: number;
  openedAt: string;
  actor: DemoActor;
  input: OpenServiceRequestInput;
  steps: DemoStep[];
}

export interface DemoRequestOptions {
  /** The moment the seed runs: the past is before it, planned visits after it. */
  now: Date;
  /** How many requests to open over the past `PAST_DAYS`. */
  count: number;
}

type Row = Record<string, unknown>;
const str = (row: Row, field: string) => String(row[field]);
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Requests open over this many days before the seed runs... */
const PAST_DAYS = 90;
/** ...and visits are planned up to this many days after it. */
const FUTURE_DAYS = 14;
/** The history is the same on every run for the same `now`. */
const SEED = 404;
/** Slot starts in UTC hours: 08:00, 10:30, 13:30 and 15:30 in Italy and Germany in winter. */
const SLOT_HOURS = [7, 9.5, 12.5, 14.5];
const PRIORITY_WEIGHTS: [OpenServiceRequestInput['priority'], number][] = [
  ['critical', 0.06],
  ['high', 0.22],
  ['normal', 0.55],
  ['low', 0.17],
];

const DESCRIPTIONS = [
  'La macchina si ferma dopo pochi minuti di funzionamento',
  'Rumore anomalo durante il ciclo',
  'Errore a display, il cliente segnala blocco totale',
  'Perdita di liquido sotto la macchina',
  'Temperatura fuori soglia segnalata dal personale',
  'Non eroga, gettoniera bloccata',
  'Allarme intermittente dopo temporale',
  'Manutenzione richiesta dal cliente prima della stagione',
  'Prestazioni ridotte rispetto al solito',
  'Porta/sportello non si chiude correttamente',
];
const RESOLUTIONS = [
  'Sostituito componente difettoso, macchina collaudata',
  'Ripristinato il collegamento e verificato il funzionamento',
  'Pulizia e regolazione eseguite, parametri nella norma',
  'Aggiornato il firmware e resettato l’allarme',
  'Serrati i raccordi, nessuna perdita dopo la prova',
];
const NOTES = [
  'Cliente avvisato telefonicamente dell’arrivo',
  'Accesso dal retro, chiedere del referente',
  'Verificare al prossimo passaggio lo stato delle guarnizioni',
  'Fotografato il quadro elettrico per lo storico',
];

/**
 * A believable service history for the demo organisation: requests opened over the last
 * `PAST_DAYS` days (more on weekdays), each taken as far as its age allows — accepted, assigned
 * to a technician of the site's zone in a free slot, started and closed with actuals and
 * materials from stock that is really there; some renounced and reassigned, suspended,
 * cancelled, rejected or resolved remotely; the most recent still waiting, and visits planned
 * over the next `FUTURE_DAYS`. Deterministic for a given `now`.
 */
export function planDemoRequests(
  document: DemoDocument,
  receipts: readonly DemoReceipt[],
  options: DemoRequestOptions,
): DemoRequestPlan[] {
  const prng = new Prng(SEED);
  const now = options.now.getTime();
  const { count } = options;
  const world = indexWorld(document, receipts);
  const booked = new Set<string>();
  const plans: DemoRequestPlan[] = [];

  for (let index = 0; index < count; index++) {
    // Spread over the window, the newest last; a few in the last hours so the desk has fresh work.
    const age = Math.pow(prng.next(), 1.15) * PAST_DAYS * DAY;
    let openedAtMs = now - age;
    const weekday = new Date(openedAtMs).getUTCDay();
    if ((weekday === 0 || weekday === 6) && prng.chance(0.7)) openedAtMs -= 2 * DAY * prng.next();
    openedAtMs = Math.floor(openedAtMs / MINUTE) * MINUTE;
    const asset = prng.pick(world.assets);
    const site = world.sites.get(str(asset, 'siteCode'))!;
    const model = str(asset, 'modelCode');
    const conditions = world.conditionsByModel.get(model) ?? world.genericConditions;
    const condition = prng.pick(conditions.length > 0 ? conditions : world.genericConditions);
    const priority = weighted(prng, PRIORITY_WEIGHTS);
    const unitCode = world.unitOfZone.get(str(site, 'zoneCode')) ?? 'HQ';
    const fromPortal = prng.chance(0.25);
    const desk: DemoActor = { kind: 'desk', unitCode };
    const plan: DemoRequestPlan = {
      index,
      openedAt: new Date(openedAtMs).toISOString(),
      actor: fromPortal ? { kind: 'portal', customerCode: str(asset, 'customerCode') } : desk,
      input: {
        source: fromPortal ? 'portal' : 'desk',
        customerCode: str(asset, 'customerCode'),
        siteCode: str(site, 'code'),
        assetCode: str(asset, 'code'),
        description: prng.pick(DESCRIPTIONS),
        priority,
        conditionCodes: condition ? [str(condition, 'code')] : [],
        externalReference: `DEMO-${String(index).padStart(6, '0')}`,
      },
      steps: [],
    };
    plans.push(plan);
    // Steps stay in order even when a slot is minutes away, and never happen after `now`.
    let last = openedAtMs;
    const step = (ms: number, actor: DemoActor, action: ServiceRequestAction) => {
      last = Math.min(Math.max(ms, last + MINUTE), now);
      plan.steps.push({ at: new Date(last).toISOString(), actor, action });
    };

    // The newest requests may still wait for the desk.
    const waitMinutes = prng.int(5, 180);
    let clock = openedAtMs + waitMinutes * MINUTE;
    if (clock > now) continue;
    const fate = prng.next();
    if (fate < 0.03) {
      step(clock, desk, { type: 'reject', diagnosis: 'Richiesta duplicata di una già aperta' });
      continue;
    }
    step(clock, desk, { type: 'accept', note: 'Dati verificati con il cliente' });
    if (fate < 0.1) {
      clock += prng.int(10, 90) * MINUTE;
      if (clock > now) continue;
      step(clock, desk, {
        type: 'recordRemoteCheck',
        resolution: 'Verificato da remoto con il cliente: ripristinato senza intervento',
      });
      continue;
    }
    if (fate < 0.13) {
      clock += prng.int(30, 600) * MINUTE;
      if (clock > now) continue;
      step(clock, desk, { type: 'cancel', reason: 'Il cliente ha risolto autonomamente' });
      continue;
    }
    // A backlog of accepted requests not yet planned: the recent ones, mostly.
    if (now - clock < 2 * DAY && prng.chance(0.35)) continue;

    const technicians = world.techniciansFor(str(site, 'zoneCode'), unitCode);
    const duration = Math.min(240, Math.ceil(Number(condition?.['expectedMinutes'] ?? 60) / 30) * 30);
    const crew = priority === 'critical' && prng.chance(0.2) ? 2 : 1;
    // Most work goes out at once, as a desk keeping its service levels plans it; some normal and
    // low work waits for days (and breaches its SLA), and recent work fills the coming two weeks.
    const recent = now - clock < 10 * DAY;
    const waits = (priority === 'normal' || priority === 'low') && prng.chance(recent ? 0.5 : 0.15);
    const plannedFrom = clock + (waits ? prng.int(1, recent ? 12 : 3) * DAY : 0);
    const horizon = now + FUTURE_DAYS * DAY;
    const slot = findSlot(
      booked,
      prng.sample(technicians, Math.min(technicians.length, 4)),
      crew,
      plannedFrom,
      duration,
      horizon,
    );
    if (!slot) continue;
    let assigned = slot;
    step(clock + prng.int(5, 60) * MINUTE, desk, {
      type: 'assign',
      assignments: slot.technicianCodes.map((technicianCode) => ({
        technicianCode,
        start: new Date(slot.start).toISOString(),
        durationMinutes: duration,
      })),
      displace: [],
    });
    // Some technicians renounce (the customer was absent, a part was missing) and the desk replans.
    if (crew === 1 && prng.chance(0.08) && slot.start < now) {
      const [first] = slot.technicianCodes;
      step(
        slot.start - prng.int(30, 180) * MINUTE,
        { kind: 'technician', technicianCode: first! },
        {
          type: 'renounce',
          reasonCode: prng.pick(['CUSTOMER-ABSENT', 'NO-ACCESS', 'MISSING-PART']),
          text: 'Non riesco a raggiungere il sito in tempo, richiedo riassegnazione',
        },
      );
      const others = technicians.filter((code) => code !== first);
      const again = findSlot(
        booked,
        prng.sample(others, Math.min(others.length, 4)),
        1,
        slot.start + DAY,
        duration,
        horizon,
      );
      if (!again) continue;
      step(slot.start - prng.int(5, 25) * MINUTE, desk, {
        type: 'assign',
        assignments: [
          {
            technicianCode: again.technicianCodes[0]!,
            start: new Date(again.start).toISOString(),
            durationMinutes: duration,
          },
        ],
        displace: [],
      });
      assigned = again;
    }
    if (assigned.start > now) continue; // planned for the coming days
    const lead = assigned.technicianCodes[0]!;
    const technician: DemoActor = { kind: 'technician', technicianCode: lead };
    for (const technicianCode of assigned.technicianCodes) {
      step(
        assigned.start + prng.int(0, 20) * MINUTE,
        { kind: 'technician', technicianCode },
        {
          type: 'startWork',
          technicianCode,
        },
      );
    }
    if (prng.chance(0.3)) {
      step(assigned.start + 25 * MINUTE, technician, { type: 'addNote', text: prng.pick(NOTES) });
    }
    // Waiting for a part: only recent work, a part does not take months.
    if (now - assigned.start < 15 * DAY && prng.chance(0.07)) {
      step(assigned.start + 40 * MINUTE, desk, {
        type: 'suspend',
        reason: 'In attesa del ricambio dal fornitore',
        reasonCode: 'waiting-parts',
      });
      continue;
    }
    // A few are still open on site: a long job, or a technician who has not closed the sheet yet.
    if (now - assigned.start < 4 * DAY && prng.chance(0.25)) continue;
    const labour = Math.max(15, Math.round((duration * (0.6 + prng.next() * 0.8)) / 5) * 5);
    const closedAt = assigned.start + (labour + 20) * MINUTE;
    if (closedAt > now) continue; // still on site
    const materials = world.takeMaterials(condition, lead, prng);
    step(closedAt, technician, {
      type: 'close',
      labourMinutes: labour,
      travelMinutes: prng.int(10, 60),
      travelKm: Math.round(prng.next() * 600) / 10,
      materials,
      correctiveActions: ((condition?.['correctiveActions'] as Row[] | undefined) ?? [])
        .slice(0, 1)
        .map((action) => str(action, 'title')),
      resolution: prng.pick(RESOLUTIONS),
    });
  }
  return plans;
}

function weighted<T>(prng: Prng, weights: readonly [T, number][]): T {
  let roll = prng.next();
  for (const [value, weight] of weights) {
    if (roll < weight) return value;
    roll -= weight;
  }
  return weights[weights.length - 1]![0];
}

/** The first working-day slot at or after `from` where every one of `crew` technicians is free. */
function findSlot(
  booked: Set<string>,
  technicians: readonly string[],
  crew: number,
  from: number,
  durationMinutes: number,
  horizon: number,
): { start: number; technicianCodes: string[] } | undefined {
  if (technicians.length < crew) return undefined;
  for (let day = Math.floor(from / DAY) * DAY; day < horizon; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let slot = 0; slot < SLOT_HOURS.length; slot++) {
      const start = day + SLOT_HOURS[slot]! * 3_600_000;
      if (start < from) continue;
      // A long job takes the following slots of the day too.
      const slots = Math.ceil(durationMinutes / 150);
      if (slot + slots > SLOT_HOURS.length) continue;
      const keys = (code: string) => Array.from({ length: slots }, (_, k) => `${code}|${day}|${slot + k}`);
      const free = technicians.filter((code) => keys(code).every((key) => !booked.has(key)));
      if (free.length < crew) continue;
      const chosen = free.slice(0, crew);
      for (const code of chosen) for (const key of keys(code)) booked.add(key);
      return { start, technicianCodes: chosen };
    }
  }
  return undefined;
}

function indexWorld(document: DemoDocument, receipts: readonly DemoReceipt[]) {
  const sites = new Map((document['sites'] ?? []).map((site) => [str(site, 'code'), site]));
  const unitOfZone = new Map(
    (document['zones'] ?? []).map((zone) => [str(zone, 'code'), str(zone, 'unitCode')]),
  );
  const conditions = document['conditions'] ?? [];
  const genericConditions = conditions.filter((condition) => condition['precision'] === 'generic');
  const conditionsByModel = new Map<string, Row[]>();
  for (const condition of conditions) {
    for (const model of (condition['modelCodes'] as string[] | undefined) ?? []) {
      conditionsByModel.set(model, [...(conditionsByModel.get(model) ?? []), condition]);
    }
  }
  const technicians = (document['technicians'] ?? []).filter((technician) => technician['active'] !== false);
  const vanOf = new Map(
    (document['warehouses'] ?? [])
      .filter((warehouse) => warehouse['type'] === 'van' && warehouse['technicianCode'])
      .map((warehouse) => [str(warehouse, 'technicianCode'), str(warehouse, 'code')]),
  );
  const warehouseOfUnit = new Map(
    (document['warehouses'] ?? [])
      .filter((warehouse) => warehouse['type'] === 'warehouse')
      .map((warehouse) => [str(warehouse, 'unitCode'), str(warehouse, 'code')]),
  );
  const unitOfTechnician = new Map(
    technicians.map((technician) => [str(technician, 'code'), str(technician, 'unitCode')]),
  );
  // What each warehouse holds as the demo runs, so no closure takes what is not there.
  const stock = new Map(
    receipts.map((receipt) => [`${receipt.warehouseCode}|${receipt.itemCode}`, receipt.quantity]),
  );
  return {
    sites,
    unitOfZone,
    genericConditions,
    conditionsByModel,
    assets: (document['assets'] ?? []).filter((asset) => sites.has(str(asset, 'siteCode'))),
    techniciansFor(zoneCode: string, unitCode: string): string[] {
      const inZone = technicians.filter((t) =>
        ((t['zoneCodes'] as string[] | undefined) ?? []).includes(zoneCode),
      );
      const pool = inZone.length > 0 ? inZone : technicians.filter((t) => t['unitCode'] === unitCode);
      return (pool.length > 0 ? pool : technicians).map((t) => str(t, 'code'));
    },
    takeMaterials(condition: Row | undefined, technicianCode: string, prng: Prng) {
      const needed = ((condition?.['materials'] as Row[] | undefined) ?? []).slice(0, 2);
      const lines: { itemCode: string; quantity: number; warehouseCode: string }[] = [];
      if (!prng.chance(0.6)) return lines;
      for (const material of needed) {
        const itemCode = str(material, 'itemCode');
        const quantity = Number(material['quantity'] ?? 1);
        const candidates = [
          vanOf.get(technicianCode),
          warehouseOfUnit.get(unitOfTechnician.get(technicianCode) ?? ''),
        ];
        for (const warehouseCode of candidates) {
          if (!warehouseCode) continue;
          const key = `${warehouseCode}|${itemCode}`;
          const available = stock.get(key) ?? 0;
          if (available >= quantity) {
            stock.set(key, available - quantity);
            lines.push({ itemCode, quantity, warehouseCode });
            break;
          }
        }
      }
      return lines;
    },
  };
}
