import { demoAssetModels, demoConditions } from './demo-catalogue';
import { demoCalendars } from './demo-calendars';
import { demoCustomerBook } from './demo-customers';
import { DEMO_ROLES, DEMO_UNITS, demoItems, demoSkills, demoTeam, demoZones } from './demo-organisation';
import { demoParameters } from './demo-parameters';
import { demoEscalationChains, demoMaintenancePlans } from './demo-service-settings';
import type { DemoRecord } from './demo-record';
import { Prng } from './prng';

/** The seed every demo installation starts from; change it and every generated value changes. */
export const DEMO_SEED = 20261126;

/** A multi-kind import document, keyed by plural, in dependency order. */
export type DemoDocument = Record<string, DemoRecord[]>;

/**
 * The whole demo organisation as one import document. Pure and deterministic: the same seed
 * always gives the same records, which is what makes a second seed run change nothing.
 */
export function generateDemoData(seed = DEMO_SEED): DemoDocument {
  // One generator per area, so that adding a technician does not reshuffle every customer.
  const team = demoTeam(new Prng(seed + 1));
  const book = demoCustomerBook(new Prng(seed + 2));
  return {
    calendars: [...demoCalendars(), ...team.calendars],
    units: [...DEMO_UNITS],
    zones: demoZones(),
    skills: demoSkills(),
    'professional-roles': [...DEMO_ROLES],
    technicians: team.technicians,
    items: demoItems(),
    warehouses: team.warehouses,
    'asset-models': demoAssetModels(),
    conditions: demoConditions(new Prng(seed + 3)),
    customers: book.customers,
    sites: book.sites,
    assets: book.assets,
    contracts: book.contracts,
    parameters: [demoParameters()],
    'escalation-chains': demoEscalationChains(),
    'maintenance-plans': demoMaintenancePlans(),
  };
}
