import type { DemoRecord } from './demo-record';
import type { Prng } from './prng';

interface ModelSpec {
  code: string;
  name: string;
  manufacturer: string;
  family: string;
  meters: { name: string; unit: string }[];
  skills: string[];
  parts: string[];
  /** The device's own fault codes, with what they mean. */
  faults: [string, string][];
}

/** Ten models across the families the demo customers own. */
const MODELS: readonly ModelSpec[] = [
  {
    code: 'VM-SNACK-5',
    name: 'Snack 5 Vetrina',
    manufacturer: 'Vendomatic',
    family: 'vending',
    meters: [{ name: 'vends', unit: 'pz' }],
    skills: ['VENDING'],
    parts: ['ITM-SPIRAL-MOTOR', 'ITM-SPIRAL', 'ITM-VEND-BOARD', 'ITM-FRIDGE-THERMOSTAT'],
    faults: [
      ['E-101', 'Motore spirale bloccato'],
      ['E-104', 'Temperatura vano alta'],
      ['E-112', 'Fotocellula caduta prodotto guasta'],
      ['E-120', 'Errore comunicazione scheda'],
      ['E-131', 'Porta aperta'],
      ['E-140', 'Sensore temperatura guasto'],
    ],
  },
  {
    code: 'VM-COFFEE-3',
    name: 'Caffè 3 Espresso',
    manufacturer: 'Vendomatic',
    family: 'vending',
    meters: [
      { name: 'cups', unit: 'pz' },
      { name: 'water', unit: 'l' },
    ],
    skills: ['VENDING', 'COFFEE'],
    parts: ['ITM-BREWER', 'ITM-GRINDER-BLADES', 'ITM-SOLENOID-VALVE', 'ITM-WATER-FILTER'],
    faults: [
      ['E-201', 'Gruppo caffè fuori posizione'],
      ['E-204', 'Mancanza acqua'],
      ['E-207', 'Caldaia in sovratemperatura'],
      ['E-210', 'Macinino bloccato'],
      ['E-215', 'Flussimetro guasto'],
      ['E-230', 'Vasca fondi piena'],
    ],
  },
  {
    code: 'BOIL-CONDENS-35',
    name: 'Condensa 35 kW',
    manufacturer: 'Termoalpi',
    family: 'boiler',
    meters: [
      { name: 'burner-hours', unit: 'h' },
      { name: 'ignitions', unit: 'pz' },
    ],
    skills: ['BOILER', 'GAS'],
    parts: [
      'ITM-IGNITION-ELECTRODE',
      'ITM-GAS-VALVE',
      'ITM-FAN-BOILER',
      'ITM-CONDENSATE-TRAP',
      'ITM-NTC-PROBE',
    ],
    faults: [
      ['E01', 'Mancata accensione'],
      ['E02', 'Intervento termostato di sicurezza'],
      ['E03', 'Anomalia ventilatore'],
      ['E10', 'Pressione impianto bassa'],
      ['E20', 'Sonda mandata guasta'],
      ['E28', 'Scarico condensa ostruito'],
    ],
  },
  {
    code: 'BOIL-IND-300',
    name: 'Industrial 300 kW',
    manufacturer: 'Termoalpi',
    family: 'boiler',
    meters: [{ name: 'burner-hours', unit: 'h' }],
    skills: ['BOILER', 'GAS', 'COMBUSTION'],
    parts: ['ITM-GAS-VALVE', 'ITM-PUMP-CIRC', 'ITM-GASKET-KIT', 'ITM-HEAT-EXCHANGER'],
    faults: [
      ['F-01', 'Blocco fiamma'],
      ['F-05', 'Pressostato aria'],
      ['F-12', 'Circolatore in blocco'],
      ['F-21', 'Combustione fuori norma'],
      ['F-33', 'Perdita scambiatore'],
      ['F-40', 'Sonda fumi guasta'],
      ['F-44', 'Bassa pressione gas'],
    ],
  },
  {
    code: 'LIFT-MRL-630',
    name: 'Ascensore MRL 630 kg',
    manufacturer: 'Elevia',
    family: 'lift',
    meters: [
      { name: 'trips', unit: 'corse' },
      { name: 'door-cycles', unit: 'cicli' },
    ],
    skills: ['LIFT'],
    parts: ['ITM-DOOR-OPERATOR', 'ITM-DOOR-ROLLER', 'ITM-SAFETY-CONTACT', 'ITM-LIFT-BATTERY', 'ITM-ENCODER'],
    faults: [
      ['LF-01', 'Catena sicurezze aperta'],
      ['LF-07', 'Porta di piano non chiude'],
      ['LF-12', 'Errore encoder'],
      ['LF-18', 'Livellamento fuori tolleranza'],
      ['LF-22', 'Batteria emergenza scarica'],
      ['LF-30', 'Persone intrappolate'],
    ],
  },
  {
    code: 'ESC-30',
    name: 'Scala mobile 30°',
    manufacturer: 'Elevia',
    family: 'escalator',
    meters: [{ name: 'running-hours', unit: 'h' }],
    skills: ['ESCALATOR'],
    parts: ['ITM-STEP-CHAIN', 'ITM-HANDRAIL', 'ITM-COMB-PLATE', 'ITM-GREASE'],
    faults: [
      ['ES-02', 'Corrimano fuori velocità'],
      ['ES-05', 'Intervento contatto pettine'],
      ['ES-09', 'Gradino mancante'],
      ['ES-14', 'Sovraccarico motore'],
      ['ES-17', 'Freno di servizio usurato'],
      ['ES-21', 'Arresto di emergenza premuto'],
    ],
  },
  {
    code: 'CHIL-AIR-250',
    name: 'Chiller aria-acqua 250 kW',
    manufacturer: 'Frigotherm',
    family: 'chiller',
    meters: [
      { name: 'compressor-hours', unit: 'h' },
      { name: 'starts', unit: 'pz' },
    ],
    skills: ['CHILLER', 'FGAS'],
    parts: ['ITM-R410A', 'ITM-FILTER-DRIER', 'ITM-EXP-VALVE', 'ITM-FAN-MOTOR-EC', 'ITM-COMPRESSOR-OIL'],
    faults: [
      ['A-11', 'Alta pressione circuito 1'],
      ['A-12', 'Bassa pressione circuito 1'],
      ['A-20', 'Flussostato acqua'],
      ['A-31', 'Termico compressore'],
      ['A-40', 'Antigelo'],
      ['A-52', 'Guasto ventilatore condensatore'],
    ],
  },
  {
    code: 'AHU-10',
    name: 'UTA 10.000 m³/h',
    manufacturer: 'Frigotherm',
    family: 'air-handling',
    meters: [{ name: 'fan-hours', unit: 'h' }],
    skills: ['HVAC'],
    parts: ['ITM-AIR-FILTER-G4', 'ITM-AIR-FILTER-F7', 'ITM-BELT-SPA', 'ITM-FAN-MOTOR-EC'],
    faults: [
      ['U-03', 'Filtro intasato'],
      ['U-08', 'Cinghia rotta'],
      ['U-15', 'Serranda bloccata'],
      ['U-21', 'Batteria antigelo'],
      ['U-26', 'Sonda qualità aria guasta'],
      ['U-30', 'Inverter ventilatore in allarme'],
    ],
  },
  {
    code: 'HP-12',
    name: 'Pompa di calore 12 kW',
    manufacturer: 'Termoalpi',
    family: 'heat-pump',
    meters: [{ name: 'compressor-hours', unit: 'h' }],
    skills: ['HEAT-PUMP', 'FGAS'],
    parts: ['ITM-R32', 'ITM-EXP-VALVE', 'ITM-PRESSURE-SENSOR', 'ITM-PUMP-CIRC'],
    faults: [
      ['H-01', 'Errore comunicazione unità esterna'],
      ['H-06', 'Alta temperatura scarico'],
      ['H-09', 'Sbrinamento fallito'],
      ['H-17', 'Portata acqua insufficiente'],
      ['H-21', 'Bassa pressione refrigerante'],
      ['H-25', 'Errore ventilatore unità esterna'],
    ],
  },
  {
    code: 'GEN-DIESEL-100',
    name: 'Gruppo elettrogeno 100 kVA',
    manufacturer: 'Powerline',
    family: 'generator',
    meters: [
      { name: 'engine-hours', unit: 'h' },
      { name: 'starts', unit: 'pz' },
    ],
    skills: ['GENSET'],
    parts: ['ITM-AVR', 'ITM-STARTER-BATTERY', 'ITM-DIESEL-FILTER', 'ITM-OIL-FILTER', 'ITM-ENGINE-OIL'],
    faults: [
      ['G-02', 'Mancato avviamento'],
      ['G-05', 'Bassa pressione olio'],
      ['G-08', 'Alta temperatura motore'],
      ['G-13', 'Tensione fuori soglia'],
      ['G-19', 'Livello gasolio basso'],
    ],
  },
];

export const DEMO_MODEL_CODES = MODELS.map((model) => model.code);

export function demoAssetModels(): DemoRecord[] {
  return MODELS.map(({ code, name, manufacturer, family, meters }) => ({
    code,
    name,
    manufacturer,
    family,
    description: `${manufacturer} ${name}`,
    meters,
  }));
}

/** Conditions any machine can be in, whatever it is (the brief's generic "events"). */
const GENERIC: readonly [string, string, string, number, string[], string][] = [
  ['GEN-NO-POWER', 'Macchina non alimentata', 'fault', 45, ['ELEC-LV'], 'ITM-FUSE-10A'],
  ['GEN-ELEC-FAULT', 'Guasto elettrico generico', 'fault', 90, ['ELEC-LV'], 'ITM-RELAY-24V'],
  ['GEN-WATER-LEAK', "Perdita d'acqua", 'fault', 60, ['PLUMBING'], 'ITM-GASKET-KIT'],
  ['GEN-NOISE', 'Rumorosità anomala', 'fault', 60, [], 'ITM-GREASE'],
  ['GEN-DAMAGE', 'Danno meccanico / vandalismo', 'fault', 120, [], 'ITM-CLEANER'],
  ['GEN-PREVENTIVE', 'Manutenzione preventiva programmata', 'status', 90, [], 'ITM-CLEANER'],
  ['GEN-INSPECTION', 'Verifica periodica di legge', 'status', 120, [], 'ITM-CLEANER'],
  ['GEN-CLEANING', 'Pulizia e sanificazione', 'consumable', 45, [], 'ITM-CLEANER'],
  ['GEN-LOW-STOCK', 'Scorta prodotto in esaurimento', 'stock', 30, [], 'ITM-CLEANER'],
  ['GEN-COMMS', 'Macchina non comunica', 'alarm', 45, ['PLC'], 'ITM-PLC-IO'],
  ['GEN-OVERHEAT', 'Sovratemperatura', 'alarm', 60, [], 'ITM-NTC-PROBE'],
  ['GEN-FILTER', 'Sostituzione filtri', 'consumable', 30, [], 'ITM-AIR-FILTER-G4'],
  ['GEN-REFRIG-LEAK', 'Perdita di refrigerante', 'fault', 150, ['FGAS'], 'ITM-LEAK-SPRAY'],
  ['GEN-GAS-SMELL', 'Odore di gas', 'alarm', 60, ['GAS'], 'ITM-LEAK-SPRAY'],
  ['GEN-PAYMENT', 'Sistema di pagamento non funziona', 'fault', 45, ['PAYMENT'], 'ITM-COIN-MECH'],
  ['GEN-TRAPPED', 'Persone bloccate in cabina', 'alarm', 30, ['LIFT-RESCUE'], 'ITM-LIFT-BATTERY'],
  ['GEN-BATTERY', 'Batteria scarica', 'consumable', 30, ['ELEC-LV'], 'ITM-STARTER-BATTERY'],
  ['GEN-SETTINGS', 'Riconfigurazione parametri', 'other', 45, [], 'ITM-CLEANER'],
  ['GEN-RELOCATION', 'Spostamento macchina', 'other', 180, [], 'ITM-CLEANER'],
  ['GEN-FIRMWARE', 'Aggiornamento firmware', 'other', 40, ['PLC'], 'ITM-PLC-IO'],
];

/**
 * Eighty conditions: twenty generic ones, and the precise codes each model sends (E-104 on the
 * snack machine, LF-30 on the lift), each with the skills, time, parts and steps to clear it.
 */
export function demoConditions(rng: Prng): DemoRecord[] {
  const generic: DemoRecord[] = GENERIC.map(([code, name, category, minutes, skills, item]) => ({
    code,
    name,
    category,
    precision: 'generic',
    requiredSkillCodes: skills,
    expectedMinutes: minutes,
    materials: category === 'status' || category === 'other' ? [] : [{ itemCode: item, quantity: 1 }],
    tools: ['Multimetro', 'Cassetta attrezzi'],
    correctiveActions: [
      {
        title: 'Diagnosi e ripristino',
        steps: [
          { instruction: "Mettere in sicurezza la macchina e l'area di lavoro" },
          { instruction: `Verificare la causa: ${name.toLowerCase()}` },
          { instruction: 'Ripristinare il funzionamento e collaudare con il cliente' },
        ],
      },
    ],
  }));
  const precise: DemoRecord[] = [];
  for (const model of MODELS) {
    for (const [deviceCode, name] of model.faults) {
      if (precise.length + generic.length >= 80) break;
      const part = rng.pick(model.parts);
      precise.push({
        code: `${model.code}-${deviceCode}`,
        name: `${model.name}: ${name}`,
        description: `Codice ${deviceCode} segnalato dal ${model.name} (${model.manufacturer})`,
        category: deviceCode.endsWith('30') || deviceCode === 'A-40' ? 'alarm' : 'fault',
        precision: 'precise',
        deviceCode,
        modelCodes: [model.code],
        family: model.family,
        requiredSkillCodes: model.skills,
        expectedMinutes: rng.pick([30, 45, 60, 90, 120, 180]),
        materials: [{ itemCode: part, quantity: rng.pick([1, 1, 1, 2]) }],
        tools: rng.sample(
          [
            'Multimetro',
            'Chiave dinamometrica',
            'Manometro',
            'Analizzatore di combustione',
            'Laptop di servizio',
          ],
          2,
        ),
        correctiveActions: [
          {
            title: `Ripristino ${deviceCode}`,
            steps: [
              { instruction: 'Leggere lo storico allarmi dalla scheda e annotare i contatori' },
              {
                instruction: `Controllare il componente indicato dal codice ${deviceCode}: ${name.toLowerCase()}`,
              },
              {
                instruction: 'Sostituire il ricambio se difettoso, riarmare e verificare tre cicli completi',
              },
            ],
          },
          ...(rng.chance(0.3)
            ? [
                {
                  title: 'Se il guasto si ripresenta',
                  steps: [
                    {
                      instruction:
                        'Aggiornare il firmware della scheda e contattare il supporto del costruttore',
                    },
                  ],
                },
              ]
            : []),
        ],
      });
    }
  }
  return [...generic, ...precise].slice(0, 80);
}

/** Which models a kind of customer tends to have. */
export const MODELS_BY_TRADE: Record<'bank' | 'retail' | 'office' | 'industry', string[]> = {
  bank: ['VM-COFFEE-3', 'AHU-10', 'HP-12', 'LIFT-MRL-630', 'GEN-DIESEL-100'],
  retail: ['VM-SNACK-5', 'VM-COFFEE-3', 'ESC-30', 'CHIL-AIR-250', 'LIFT-MRL-630'],
  office: ['VM-SNACK-5', 'VM-COFFEE-3', 'BOIL-CONDENS-35', 'LIFT-MRL-630', 'AHU-10', 'HP-12'],
  industry: ['BOIL-IND-300', 'CHIL-AIR-250', 'GEN-DIESEL-100', 'AHU-10', 'VM-COFFEE-3'],
};

export function modelMeters(code: string): { name: string; unit: string }[] {
  return MODELS.find((model) => model.code === code)?.meters ?? [];
}
