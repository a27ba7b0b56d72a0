/**
 * The CSV columns of the closed interventions export, in their order. The order is a promise to
 * back offices that map columns by position: a column is only ever added at the end. CSV is
 * RFC 4180: UTF-8 without a byte-order mark, a header line, commas, CRLF line ends, fields quoted
 * when they hold a comma, a quote or a line break. Numbers are plain dot-decimal (`12.5`, never
 * `12,5` nor `1e-7`); an absent value is an empty field; times are ISO 8601 UTC.
 */
interface CsvColumn {
  name: string;
  description?: string;
}

/** Separates codes in one field (codes never hold it). */
export const CSV_CODE_SEPARATOR = '|';
/** Separates free texts and names in one field; the JSON format carries them as lists. */
export const CSV_TEXT_SEPARATOR = ' | ';

/** `lines=interventions`: one row per closure. */
export const INTERVENTION_CSV_COLUMNS = [
  { name: 'position', description: "The closure's log position: the cursor that resumes after it." },
  { name: 'request_id', description: "The request's id." },
  { name: 'reference', description: 'SR- and the first eight characters of the id.' },
  { name: 'external_reference', description: "The opener's own reference, if any." },
  { name: 'closure_sequence', description: '1 for the first closure of the request, 2 after a reopening, …' },
  {
    name: 'supersedes_position',
    description:
      'The position of the earlier closure this one replaces for billing; empty for a first closure.',
  },
  { name: 'customer_code' },
  { name: 'customer_name' },
  { name: 'site_code' },
  { name: 'site_name' },
  { name: 'asset_code' },
  { name: 'asset_model_code' },
  { name: 'contract_code', description: 'The contract covering site and asset on the opening day.' },
  { name: 'contract_name' },
  { name: 'unit_code', description: 'The service centre.' },
  { name: 'unit_name' },
  { name: 'priority', description: 'critical, high, normal or low.' },
  { name: 'opened_at', description: 'UTC.' },
  { name: 'closed_at', description: 'UTC.' },
  { name: 'closed_on', description: "The closing day in the organisation's time zone." },
  { name: 'technician_codes', description: `Codes separated by "${CSV_CODE_SEPARATOR}".` },
  {
    name: 'technician_names',
    description: `Names separated by "${CSV_TEXT_SEPARATOR}", in the order of the codes.`,
  },
  { name: 'labour_minutes', description: 'Total labour recorded on closing.' },
  { name: 'estimated_labour_minutes', description: 'Planned at closing.' },
  { name: 'travel_minutes' },
  { name: 'travel_km' },
  { name: 'material_lines', description: 'How many material lines the closure has (see lines=materials).' },
  { name: 'corrective_actions', description: `Separated by "${CSV_TEXT_SEPARATOR}".` },
  { name: 'resolution' },
  { name: 'closed_by', description: 'Who closed it (a name).' },
] as const satisfies readonly CsvColumn[];

/** `lines=materials`: one row per material line, each a stock movement out of its warehouse or van. */
export const MATERIAL_CSV_COLUMNS = [
  { name: 'position', description: "The closure's log position." },
  { name: 'request_id' },
  { name: 'reference' },
  { name: 'closure_sequence' },
  {
    name: 'supersedes_position',
    description:
      'As for interventions; the materials of a superseded closure stay issued, so every line is a movement.',
  },
  { name: 'closed_at', description: 'UTC: when the stock left.' },
  { name: 'closed_on', description: "The closing day in the organisation's time zone." },
  { name: 'customer_code' },
  { name: 'site_code' },
  { name: 'contract_code' },
  { name: 'unit_code' },
  { name: 'line', description: 'The line of the closure, from 1.' },
  { name: 'item_code' },
  { name: 'item_name' },
  { name: 'quantity', description: 'In the item’s unit of measure.' },
  { name: 'unit_of_measure', description: 'piece, kg, litre, metre or box.' },
  { name: 'unit_price', description: "The item's list price, when master data has one." },
  { name: 'warehouse_code', description: 'Where the material came from.' },
  { name: 'warehouse_name' },
  { name: 'warehouse_type', description: 'warehouse or van.' },
  { name: 'van_technician_code', description: "A van's technician." },
] as const satisfies readonly CsvColumn[];

export type InterventionCsvColumn = (typeof INTERVENTION_CSV_COLUMNS)[number]['name'];
export type MaterialCsvColumn = (typeof MATERIAL_CSV_COLUMNS)[number]['name'];
