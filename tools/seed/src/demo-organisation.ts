import { DEMO_ZONES, zoneOctagon } from './demo-places';
import { DE_FIRST_NAMES, DE_LAST_NAMES, IT_FIRST_NAMES, IT_LAST_NAMES, asciiSlug } from './demo-names';
import type { DemoRecord } from './demo-record';
import { type Prng, pad } from './prng';

export const DEMO_UNITS: readonly DemoRecord[] = [
  {
    code: 'HQ',
    name: 'Fieldstream Italia S.p.A. – Sede centrale',
    type: 'head-office',
    country: 'IT',
    subdivision: '25',
    timeZone: 'Europe/Rome',
    calendarCode: 'CAL-IT',
  },
  {
    code: 'MI',
    name: 'Centro servizi Milano',
    type: 'service-centre',
    parentCode: 'HQ',
    country: 'IT',
    subdivision: '25',
    timeZone: 'Europe/Rome',
    calendarCode: 'CAL-IT',
  },
  {
    code: 'RM',
    name: 'Centro servizi Roma',
    type: 'service-centre',
    parentCode: 'HQ',
    country: 'IT',
    subdivision: '62',
    timeZone: 'Europe/Rome',
    calendarCode: 'CAL-IT',
  },
  {
    code: 'MUC',
    name: 'Servicezentrum München',
    type: 'service-centre',
    parentCode: 'HQ',
    country: 'DE',
    subdivision: 'BY',
    timeZone: 'Europe/Berlin',
    calendarCode: 'CAL-DE-BY',
  },
  {
    code: 'HAM',
    name: 'Servicezentrum Hamburg',
    type: 'service-centre',
    parentCode: 'HQ',
    country: 'DE',
    subdivision: 'HH',
    timeZone: 'Europe/Berlin',
    calendarCode: 'CAL-DE-HH',
  },
  {
    code: 'PTN-TECNO',
    name: 'TecnoAssistenza Lombarda S.r.l. (partner)',
    type: 'partner',
    parentCode: 'MI',
    country: 'IT',
    subdivision: '25',
    timeZone: 'Europe/Rome',
    calendarCode: 'CAL-IT',
  },
];

export const SERVICE_CENTRES = ['MI', 'RM', 'MUC', 'HAM'] as const;

export function demoZones(): DemoRecord[] {
  return DEMO_ZONES.map((zone) => ({
    code: zone.code,
    name: zone.name,
    unitCode: zone.unitCode,
    country: zone.country,
    geometry: zoneOctagon(zone),
    postalCodes: zone.postalCodes,
  }));
}

/** Skills: code, name, whether a certificate with an expiry is needed. */
const SKILLS: readonly [string, string, boolean][] = [
  ['ELEC-LV', 'Impianti elettrici bassa tensione', false],
  ['ELEC-HV', 'Manovre in media/alta tensione (PES/PAV)', true],
  ['GAS', 'Impianti a gas (abilitazione DM 37/08)', true],
  ['FGAS', 'Gas fluorurati (patentino F-gas)', true],
  ['COMBUSTION', 'Analisi di combustione', false],
  ['BOILER', 'Caldaie e bruciatori', false],
  ['HEAT-PUMP', 'Pompe di calore', false],
  ['CHILLER', 'Gruppi frigo e chiller', false],
  ['HVAC', 'Trattamento aria (UTA, canalizzazioni)', false],
  ['REFRIG', 'Refrigerazione commerciale', false],
  ['LIFT', 'Manutenzione ascensori', true],
  ['LIFT-RESCUE', 'Soccorso persone in ascensore', true],
  ['ESCALATOR', 'Scale e tappeti mobili', false],
  ['VENDING', 'Distributori automatici', false],
  ['COFFEE', 'Macchine da caffè professionali', false],
  ['PAYMENT', 'Sistemi di pagamento (gettoniere, POS)', false],
  ['PLC', 'Automazione e PLC', false],
  ['GENSET', 'Gruppi elettrogeni', false],
  ['PLUMBING', 'Idraulica', false],
  ['WELDING', 'Saldatura e brasatura', true],
  ['WORK-AT-HEIGHT', 'Lavori in quota (DPI III cat.)', true],
];

export function demoSkills(): DemoRecord[] {
  return SKILLS.map(([code, name, certified]) => ({ code, name, certified }));
}

export const DEMO_ROLES: readonly DemoRecord[] = [
  { code: 'ROLE-ELECTRICIAN', name: 'Elettricista', skillCodes: ['ELEC-LV', 'PLC'] },
  {
    code: 'ROLE-HEATING',
    name: 'Tecnico termoidraulico',
    skillCodes: ['BOILER', 'GAS', 'COMBUSTION', 'PLUMBING'],
  },
  {
    code: 'ROLE-HVAC',
    name: 'Frigorista / HVAC',
    skillCodes: ['FGAS', 'CHILLER', 'HVAC', 'HEAT-PUMP', 'REFRIG'],
  },
  { code: 'ROLE-LIFT', name: 'Ascensorista', skillCodes: ['LIFT', 'LIFT-RESCUE', 'ELEC-LV'] },
  { code: 'ROLE-ESCALATOR', name: 'Tecnico scale mobili', skillCodes: ['ESCALATOR', 'ELEC-LV'] },
  { code: 'ROLE-VENDING', name: 'Tecnico vending', skillCodes: ['VENDING', 'COFFEE', 'PAYMENT'] },
  { code: 'ROLE-POWER', name: 'Tecnico gruppi elettrogeni', skillCodes: ['GENSET', 'ELEC-LV', 'ELEC-HV'] },
  { code: 'ROLE-SUPERVISOR', name: 'Capo squadra', skillCodes: ['ELEC-LV', 'WORK-AT-HEIGHT'] },
];

const CERTIFIED = new Set(SKILLS.filter(([, , certified]) => certified).map(([code]) => code));

/** How many technicians each unit employs: 60 in all. */
const HEADCOUNT: readonly [string, number][] = [
  ['MI', 18],
  ['RM', 14],
  ['MUC', 12],
  ['HAM', 10],
  ['PTN-TECNO', 6],
];

const LEAVE_REASONS_IT = [
  'Ferie',
  'Ferie estive',
  'Permesso',
  'Malattia',
  'Formazione sicurezza',
  'Corso aggiornamento F-gas',
];
const LEAVE_REASONS_DE = [
  'Urlaub',
  'Sommerurlaub',
  'Sonderurlaub',
  'Krankheit',
  'Schulung Arbeitssicherheit',
  'Weiterbildung',
];

export interface DemoTeam {
  technicians: DemoRecord[];
  calendars: DemoRecord[];
  warehouses: DemoRecord[];
}

/**
 * Sixty technicians with roles, extra skills (levels, certificate expiry dates), the zones they
 * serve first, their own calendar with leave, and their van. The first is Marco Rossi of Milan,
 * whom the demo user `tecnico.rossi` signs in as.
 */
export function demoTeam(rng: Prng): DemoTeam {
  const technicians: DemoRecord[] = [];
  const calendars: DemoRecord[] = [];
  const warehouses: DemoRecord[] = SERVICE_CENTRES.map((unit) => ({
    code: `WH-${unit}`,
    name: `Magazzino ${DEMO_UNITS.find((candidate) => candidate.code === unit)!.name}`,
    type: 'warehouse',
    unitCode: unit,
  }));
  const usedNames = new Set<string>();
  let number = 0;
  for (const [unitCode, count] of HEADCOUNT) {
    const german = unitCode === 'MUC' || unitCode === 'HAM';
    const zones = DEMO_ZONES.filter(
      (zone) => zone.unitCode === (unitCode === 'PTN-TECNO' ? 'MI' : unitCode),
    ).map((zone) => zone.code);
    for (let i = 0; i < count; i++) {
      number++;
      const code = `T${pad(number, 3)}`;
      let first: string;
      let last: string;
      do {
        first = number === 1 ? 'Marco' : rng.pick(german ? DE_FIRST_NAMES : IT_FIRST_NAMES);
        last = number === 1 ? 'Rossi' : rng.pick(german ? DE_LAST_NAMES : IT_LAST_NAMES);
      } while (usedNames.has(`${first} ${last}`));
      usedNames.add(`${first} ${last}`);
      const roles = rng.sample(DEMO_ROLES, rng.chance(0.3) ? 2 : 1).map((role) => role.code);
      const roleSkills = new Set(
        DEMO_ROLES.filter((role) => roles.includes(role.code)).flatMap((role) => role.skillCodes as string[]),
      );
      const extra = rng.sample(
        SKILLS.map(([skill]) => skill).filter((skill) => !roleSkills.has(skill)),
        rng.int(0, 3),
      );
      const skills = [...[...roleSkills].filter((skill) => CERTIFIED.has(skill)), ...extra].map(
        (skillCode) => ({
          skillCode,
          level: rng.int(2, 5),
          ...(CERTIFIED.has(skillCode)
            ? { certifiedUntil: `${rng.int(2026, 2029)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}` }
            : {}),
        }),
      );
      const domain = unitCode === 'PTN-TECNO' ? 'tecnoassistenza.example' : 'fieldstream.example';
      technicians.push({
        code,
        name: `${first} ${last}`,
        unitCode,
        email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}`,
        phone: german
          ? `+49 15${rng.int(1, 9)} ${rng.digits(7)}`
          : `+39 3${rng.int(20, 49)} ${rng.digits(3)} ${rng.digits(4)}`,
        roleCodes: roles,
        skills,
        zoneCodes: rng.sample(zones, rng.int(1, Math.min(3, zones.length))).sort(),
        calendarCode: `CAL-${code}`,
        active: true,
      });
      calendars.push(technicianCalendar(rng, code, `${first} ${last}`, german));
      warehouses.push({
        code: `VAN-${code}`,
        name: `${german ? 'Servicewagen' : 'Furgone'} ${first} ${last}`,
        type: 'van',
        unitCode,
        technicianCode: code,
      });
    }
  }
  return { technicians, calendars, warehouses };
}

function technicianCalendar(rng: Prng, code: string, name: string, german: boolean): DemoRecord {
  const reasons = german ? LEAVE_REASONS_DE : LEAVE_REASONS_IT;
  const exceptions: Record<string, unknown>[] = [];
  // Summer leave, a few single days, now and then a training half-day: fixed dates, never "today".
  const summerStart = rng.int(6, 24);
  exceptions.push({
    kind: 'closed',
    from: `2026-${german ? '07' : '08'}-${pad(summerStart)}`,
    to: `2026-${german ? '07' : '08'}-${pad(summerStart + rng.int(4, 6))}`,
    reason: reasons[1],
  });
  for (let i = 0; i < rng.int(1, 3); i++) {
    const month = rng.int(1, 12);
    const date = `2026-${pad(month)}-${pad(rng.int(1, 28))}`;
    if (exceptions.some((exception) => exception['from'] === date)) continue;
    exceptions.push({
      kind: 'closed',
      from: date,
      to: date,
      reason: rng.pick([reasons[0]!, reasons[2]!, reasons[3]!]),
    });
  }
  if (rng.chance(0.5)) {
    const date = `2026-${pad(rng.int(9, 11))}-${pad(rng.int(1, 28))}`;
    exceptions.push({
      kind: 'closed',
      from: `${date}T08:00`,
      to: `${date}T12:30`,
      reason: rng.pick([reasons[4]!, reasons[5]!]),
    });
  }
  exceptions.sort((a, b) => String(a['from']).localeCompare(String(b['from'])));
  return {
    code: `CAL-${code}`,
    name: `${german ? 'Kalender' : 'Calendario'} ${name}`,
    purpose: 'technician',
    timeZone: german ? 'Europe/Berlin' : 'Europe/Rome',
    exceptions,
  };
}

/** Parts, consumables and tools: what a van carries and a condition consumes. */
const ITEMS: readonly [
  string,
  string,
  'part' | 'consumable' | 'tool',
  'piece' | 'kg' | 'litre' | 'metre' | 'box',
  number,
][] = [
  ['ITM-FUSE-10A', 'Fusibile 10 A', 'consumable', 'box', 6.5],
  ['ITM-FUSE-16A', 'Fusibile 16 A', 'consumable', 'box', 7.2],
  ['ITM-RELAY-24V', 'Relè 24 V', 'part', 'piece', 18.9],
  ['ITM-CONTACTOR-25A', 'Contattore 25 A', 'part', 'piece', 64],
  ['ITM-PSU-24V', 'Alimentatore 24 V 5 A', 'part', 'piece', 89],
  ['ITM-CABLE-3G15', 'Cavo FG16OR16 3G1,5', 'consumable', 'metre', 1.4],
  ['ITM-TERMINAL', 'Morsetti a leva (conf. 50)', 'consumable', 'box', 22],
  ['ITM-THERMOCOUPLE', 'Termocoppia caldaia', 'part', 'piece', 24.5],
  ['ITM-IGNITION-ELECTRODE', 'Elettrodo di accensione', 'part', 'piece', 19.8],
  ['ITM-GAS-VALVE', 'Valvola gas modulante', 'part', 'piece', 210],
  ['ITM-FAN-BOILER', 'Ventilatore caldaia a condensazione', 'part', 'piece', 185],
  ['ITM-PUMP-CIRC', 'Circolatore elettronico', 'part', 'piece', 240],
  ['ITM-EXP-VESSEL', 'Vaso di espansione 8 l', 'part', 'piece', 48],
  ['ITM-PRESSURE-SENSOR', 'Sensore di pressione acqua', 'part', 'piece', 36],
  ['ITM-NTC-PROBE', 'Sonda NTC 10k', 'part', 'piece', 14],
  ['ITM-HEAT-EXCHANGER', 'Scambiatore a piastre', 'part', 'piece', 320],
  ['ITM-CONDENSATE-TRAP', 'Sifone condensa', 'part', 'piece', 17],
  ['ITM-GASKET-KIT', 'Kit guarnizioni bruciatore', 'consumable', 'piece', 29],
  ['ITM-R32', 'Refrigerante R32', 'consumable', 'kg', 38],
  ['ITM-R410A', 'Refrigerante R410A', 'consumable', 'kg', 55],
  ['ITM-R134A', 'Refrigerante R134a', 'consumable', 'kg', 42],
  ['ITM-COMPRESSOR-OIL', 'Olio compressore POE', 'consumable', 'litre', 31],
  ['ITM-FILTER-DRIER', 'Filtro deidratatore', 'part', 'piece', 27],
  ['ITM-EXP-VALVE', 'Valvola di espansione elettronica', 'part', 'piece', 260],
  ['ITM-FAN-MOTOR-EC', 'Motore ventilatore EC', 'part', 'piece', 410],
  ['ITM-AIR-FILTER-G4', 'Filtro aria G4', 'consumable', 'piece', 12],
  ['ITM-AIR-FILTER-F7', 'Filtro a tasche F7', 'consumable', 'piece', 46],
  ['ITM-BELT-SPA', 'Cinghia trapezoidale SPA', 'part', 'piece', 15],
  ['ITM-DOOR-OPERATOR', 'Operatore porte cabina', 'part', 'piece', 980],
  ['ITM-DOOR-ROLLER', 'Rullo porta di piano', 'part', 'piece', 21],
  ['ITM-LIFT-ROPE', 'Fune di trazione 8 mm', 'part', 'metre', 9.5],
  ['ITM-LIFT-BUTTON', 'Pulsante di cabina', 'part', 'piece', 34],
  ['ITM-SAFETY-CONTACT', 'Contatto di sicurezza porta', 'part', 'piece', 39],
  ['ITM-LIFT-BATTERY', 'Batteria emergenza 12 V 7 Ah', 'part', 'piece', 28],
  ['ITM-ENCODER', 'Encoder motore', 'part', 'piece', 350],
  ['ITM-STEP-CHAIN', 'Catena gradini scala mobile', 'part', 'metre', 480],
  ['ITM-HANDRAIL', 'Corrimano scala mobile', 'part', 'metre', 160],
  ['ITM-COMB-PLATE', 'Pettine di sbarco', 'part', 'piece', 95],
  ['ITM-GREASE', 'Grasso al litio', 'consumable', 'kg', 14],
  ['ITM-SPIRAL-MOTOR', 'Motore spirale distributore', 'part', 'piece', 42],
  ['ITM-SPIRAL', 'Spirale di erogazione', 'part', 'piece', 19],
  ['ITM-COIN-MECH', 'Gettoniera rendiresto', 'part', 'piece', 390],
  ['ITM-CASHLESS', 'Lettore cashless NFC', 'part', 'piece', 260],
  ['ITM-VEND-BOARD', 'Scheda controllo distributore', 'part', 'piece', 310],
  ['ITM-BREWER', 'Gruppo caffè', 'part', 'piece', 270],
  ['ITM-GRINDER-BLADES', 'Macine macinacaffè', 'part', 'piece', 65],
  ['ITM-SOLENOID-VALVE', 'Elettrovalvola acqua', 'part', 'piece', 33],
  ['ITM-DESCALER', 'Decalcificante (5 l)', 'consumable', 'litre', 11],
  ['ITM-WATER-FILTER', 'Filtro addolcitore', 'consumable', 'piece', 38],
  ['ITM-FRIDGE-THERMOSTAT', 'Termostato frigo', 'part', 'piece', 26],
  ['ITM-AVR', 'Regolatore di tensione (AVR)', 'part', 'piece', 290],
  ['ITM-STARTER-BATTERY', 'Batteria avviamento 12 V 100 Ah', 'part', 'piece', 180],
  ['ITM-DIESEL-FILTER', 'Filtro gasolio', 'consumable', 'piece', 22],
  ['ITM-OIL-FILTER', 'Filtro olio motore', 'consumable', 'piece', 18],
  ['ITM-ENGINE-OIL', 'Olio motore 15W-40', 'consumable', 'litre', 7.5],
  ['ITM-COOLANT', 'Liquido refrigerante', 'consumable', 'litre', 5.5],
  ['ITM-PLC-IO', 'Modulo I/O PLC', 'part', 'piece', 240],
  ['ITM-LEAK-SPRAY', 'Spray cercafughe', 'consumable', 'piece', 9],
  ['ITM-CLEANER', 'Detergente sanificante', 'consumable', 'litre', 8],
  ['ITM-MULTIMETER', 'Multimetro TRMS', 'tool', 'piece', 140],
  ['ITM-FLUE-ANALYSER', 'Analizzatore di combustione', 'tool', 'piece', 1450],
  ['ITM-MANIFOLD', 'Gruppo manometrico digitale', 'tool', 'piece', 390],
];

export const DEMO_ITEM_CODES = ITEMS.map(([code]) => code);

export function demoItems(): DemoRecord[] {
  return ITEMS.map(([code, name, category, unitOfMeasure, unitPrice]) => ({
    code,
    name,
    category,
    unitOfMeasure,
    unitPrice,
  }));
}
