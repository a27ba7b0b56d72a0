import { ASSET_OWNERSHIPS } from '@fieldstream/domain';
import { MODELS_BY_TRADE, modelMeters } from './demo-catalogue';
import {
  DE_BANKS,
  DE_COMPANY_FORMS,
  DE_COMPANY_TRADES,
  DE_COMPANY_WORDS,
  DE_FIRST_NAMES,
  DE_LAST_NAMES,
  IT_BANKS,
  IT_COMPANY_FORMS,
  IT_COMPANY_TRADES,
  IT_COMPANY_WORDS,
  IT_FIRST_NAMES,
  IT_LAST_NAMES,
  asciiSlug,
} from './demo-names';
import { DEMO_ZONES, DE_STREETS, type DemoZone, IT_STREETS, pointIn } from './demo-places';
import type { DemoRecord } from './demo-record';
import { type Prng, pad } from './prng';

export interface DemoCustomerBook {
  customers: DemoRecord[];
  sites: DemoRecord[];
  assets: DemoRecord[];
  contracts: DemoRecord[];
}

type Trade = keyof typeof MODELS_BY_TRADE;

const CUSTOMERS = 200;
const IT_CUSTOMERS = 120;
/** Sites per customer by position: 1, 3, 4, 4 … averages 3, so 600 sites in all. */
const SITES_PATTERN = [1, 3, 4, 4];
const ASSETS = 2000;
const TIERS = ['gold', 'silver', 'bronze'] as const;

/**
 * 200 customers (Italian and German companies, a few banks whose branches open only in the
 * morning), 600 sites inside their zones, 2,000 assets of the ten models, and one contract per
 * customer at a gold, silver or bronze service level. Customer 1 is Acme, for `cliente.acme`.
 */
export function demoCustomerBook(rng: Prng): DemoCustomerBook {
  const customers: DemoRecord[] = [];
  const sites: DemoRecord[] = [];
  const trades = new Map<string, Trade>();
  const usedNames = new Set<string>();
  const itZones = DEMO_ZONES.filter((zone) => zone.country === 'IT');
  const deZones = DEMO_ZONES.filter((zone) => zone.country === 'DE');

  for (let index = 0; index < CUSTOMERS; index++) {
    const italian = index < IT_CUSTOMERS;
    const code = index === 0 ? 'ACME' : `C${pad(index + 1, 4)}`;
    const trade: Trade =
      index === 0
        ? 'retail'
        : index % 10 === 3
          ? 'bank'
          : rng.pick(['retail', 'office', 'office', 'industry'] as const);
    let name: string;
    do name = index === 0 ? 'Acme Distribuzione Automatica S.p.A.' : companyName(rng, italian, trade);
    while (usedNames.has(name));
    usedNames.add(name);
    trades.set(code, trade);
    const home = rng.pick(italian ? itZones : deZones);
    const slug = asciiSlug(name).slice(0, 24);
    const contactFirst = rng.pick(italian ? IT_FIRST_NAMES : DE_FIRST_NAMES);
    const contactLast = rng.pick(italian ? IT_LAST_NAMES : DE_LAST_NAMES);
    customers.push({
      code,
      name,
      vatNumber: italian ? `IT${rng.digits(11)}` : `DE${rng.digits(9)}`,
      email: `info@${slug}.${italian ? 'it' : 'de'}`,
      phone: italian
        ? `+39 0${rng.int(2, 6)} ${rng.digits(4)} ${rng.digits(4)}`
        : `+49 ${rng.int(30, 89)} ${rng.digits(6)}`,
      billingAddress: address(rng, home),
      contacts: [
        {
          name: `${contactFirst} ${contactLast}`,
          role: italian ? 'Responsabile acquisti' : 'Einkauf',
          email: `${asciiSlug(contactFirst)}.${asciiSlug(contactLast)}@${slug}.${italian ? 'it' : 'de'}`,
          phone: italian
            ? `+39 3${rng.int(20, 49)} ${rng.digits(7)}`
            : `+49 17${rng.int(0, 9)} ${rng.digits(7)}`,
        },
      ],
      language: italian ? 'it' : 'de',
    });

    const count = SITES_PATTERN[index % SITES_PATTERN.length]!;
    for (let s = 1; s <= count; s++) {
      // Most sites near the customer's home city, the rest elsewhere in the same country.
      const zone = s === 1 || rng.chance(0.6) ? home : rng.pick(italian ? itZones : deZones);
      const location = pointIn(zone, rng);
      sites.push({
        code: `${code}-S${pad(s)}`,
        name: `${name.split(' ').slice(0, 2).join(' ')} – ${siteLabel(rng, italian, trade)} ${zone.city}`,
        customerCode: code,
        address: address(rng, zone),
        location,
        zoneCode: zone.code,
        timeZone: italian ? 'Europe/Rome' : 'Europe/Berlin',
        contacts: rng.chance(0.5)
          ? [
              {
                name: `${rng.pick(italian ? IT_FIRST_NAMES : DE_FIRST_NAMES)} ${rng.pick(italian ? IT_LAST_NAMES : DE_LAST_NAMES)}`,
                role: italian ? 'Referente di sede' : 'Ansprechpartner vor Ort',
              },
            ]
          : [],
        ...(trade === 'bank'
          ? {
              accessCalendarCode: italian ? 'CAL-ACCESS-BANK-IT' : 'CAL-ACCESS-BANK-DE',
              accessNotes: italian
                ? 'Accesso solo in orario di sportello, presentarsi alla guardia'
                : 'Zugang nur während der Schalterzeiten',
            }
          : trade === 'retail' && italian && rng.chance(0.5)
            ? { accessCalendarCode: 'CAL-ACCESS-SHOP-IT' }
            : {}),
      });
    }
  }

  const assets: DemoRecord[] = [];
  // 2,000 assets over 600 sites: every site gets three, the first 200 a fourth.
  for (let index = 0; index < ASSETS; index++) {
    const site = sites[index % sites.length]!;
    const customerCode = site['customerCode'] as string;
    const modelCode = rng.pick(MODELS_BY_TRADE[trades.get(customerCode)!]);
    const installed = `${rng.int(2012, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    assets.push({
      code: `SN-${modelCode.split('-')[0]}-${pad(100000 + index * 7 + rng.int(0, 6), 6)}`,
      name: `${modelCode} ${site['name'] as string}`.slice(0, 200),
      modelCode,
      siteCode: site.code,
      customerCode,
      ownership: rng.pick(
        modelCode.startsWith('VM-')
          ? ['loan', 'loan', 'customer']
          : ASSET_OWNERSHIPS.filter((ownership) => ownership !== 'loan'),
      ),
      installedOn: installed,
      meters: modelMeters(modelCode).map((meter) => ({
        name: meter.name,
        value: rng.int(100, 90_000),
        readAt: '2026-01-05T09:00:00.000Z',
      })),
      configuration: {
        firmware: `${rng.int(1, 4)}.${rng.int(0, 9)}.${rng.int(0, 20)}`,
        remoteMonitoring: rng.chance(0.4),
      },
    });
  }

  const contracts: DemoRecord[] = customers.map((customer, index) => {
    const italian = index < IT_CUSTOMERS;
    const tier = index === 0 ? 'gold' : TIERS[rng.int(0, 2)]!;
    const ownSites = sites.filter((site) => site['customerCode'] === customer.code).map((site) => site.code);
    // Some silver contracts cover only the main site: the rest is billed per call.
    const partial = tier === 'silver' && ownSites.length > 2 && rng.chance(0.4);
    return {
      code: `CTR-${customer.code}`,
      name: `${italian ? 'Contratto' : 'Vertrag'} ${tier.toUpperCase()} ${customer['name'] as string}`.slice(
        0,
        200,
      ),
      customerCode: customer.code,
      siteCodes: partial ? ownSites.slice(0, 1) : [],
      validFrom: '2026-01-01',
      validTo: rng.pick(['2026-12-31', '2027-12-31', '2028-06-30']),
      serviceCalendarCode:
        tier === 'gold'
          ? 'CAL-SVC-24-7'
          : tier === 'silver'
            ? italian
              ? 'CAL-SVC-EXT-IT'
              : 'CAL-SVC-EXT-DE'
            : italian
              ? 'CAL-SVC-STD-IT'
              : 'CAL-SVC-STD-DE',
      serviceLevels: SERVICE_LEVELS[tier],
      includesLabour: true,
      includesMaterials: tier === 'gold',
      penaltyPerHour: tier === 'gold' ? 150 : tier === 'silver' ? 50 : 0,
      currency: 'EUR',
      notes: `Livello ${tier}`,
    };
  });

  return { customers, sites, assets, contracts };
}

const SERVICE_LEVELS = {
  gold: [
    { priority: 'critical', responseMinutes: 60, restorationMinutes: 240 },
    { priority: 'high', responseMinutes: 120, restorationMinutes: 480 },
    { priority: 'normal', responseMinutes: 240, restorationMinutes: 960 },
    { priority: 'low', responseMinutes: 480, restorationMinutes: 2880 },
  ],
  silver: [
    { priority: 'critical', responseMinutes: 120, restorationMinutes: 480 },
    { priority: 'high', responseMinutes: 240, restorationMinutes: 960 },
    { priority: 'normal', responseMinutes: 480, restorationMinutes: 1920 },
    { priority: 'low', responseMinutes: 960, restorationMinutes: 4800 },
  ],
  bronze: [
    { priority: 'normal', responseMinutes: 960, restorationMinutes: 2880 },
    { priority: 'low', responseMinutes: 1920, restorationMinutes: 7200 },
  ],
} as const;

function companyName(rng: Prng, italian: boolean, trade: Trade): string {
  if (trade === 'bank') {
    return italian
      ? `${rng.pick(IT_BANKS)} ${rng.pick(IT_COMPANY_WORDS)}`
      : `${rng.pick(DE_BANKS)} ${rng.pick(DE_COMPANY_WORDS)}`;
  }
  if (italian) {
    const head = rng.chance(0.5) ? rng.pick(IT_LAST_NAMES) : rng.pick(IT_COMPANY_WORDS);
    return `${head} ${rng.pick(IT_COMPANY_TRADES)} ${rng.pick(IT_COMPANY_FORMS)}`;
  }
  const head = rng.chance(0.5) ? rng.pick(DE_LAST_NAMES) : rng.pick(DE_COMPANY_WORDS);
  return `${head} ${rng.pick(DE_COMPANY_TRADES)} ${rng.pick(DE_COMPANY_FORMS)}`;
}

function siteLabel(rng: Prng, italian: boolean, trade: Trade): string {
  if (trade === 'bank') return italian ? 'Filiale' : 'Filiale';
  if (trade === 'industry')
    return italian ? rng.pick(['Stabilimento', 'Magazzino']) : rng.pick(['Werk', 'Lager']);
  if (trade === 'retail')
    return italian ? rng.pick(['Punto vendita', 'Negozio']) : rng.pick(['Markt', 'Filiale']);
  return italian ? rng.pick(['Uffici', 'Sede']) : rng.pick(['Büro', 'Standort']);
}

function address(rng: Prng, zone: DemoZone) {
  const street = rng.pick(zone.country === 'IT' ? IT_STREETS : DE_STREETS);
  return {
    street: zone.country === 'IT' ? `${street}, ${rng.int(1, 180)}` : `${street} ${rng.int(1, 180)}`,
    city: zone.city,
    postalCode: zone.postalCode(rng),
    region: zone.region,
    country: zone.country,
  };
}
