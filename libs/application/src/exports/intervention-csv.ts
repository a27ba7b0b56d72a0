import {
  CSV_CODE_SEPARATOR,
  CSV_TEXT_SEPARATOR,
  type ExportedIntervention,
  type ExportedMaterialLine,
  INTERVENTION_CSV_COLUMNS,
  type InterventionCsvColumn,
  MATERIAL_CSV_COLUMNS,
  type MaterialCsvColumn,
} from '@fieldstream/api-contract';

// csv-stringify ships CommonJS next to ESM; the sync API is all an in-memory page needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stringify } = require('csv-stringify/sync') as typeof import('csv-stringify/sync');

type Cell = string | number | null;

/**
 * Plain dot-decimal whatever the number: JavaScript would write 1e-7 or 1e+21, which a back
 * office's parser may take for text, and a locale would write 12,5.
 */
const decimal = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });
export function plainNumber(value: number): string {
  return Object.is(value, -0) ? '0' : decimal.format(value);
}

/** Each column's value; typed by the contract's column names, so none is forgotten nor misspelt. */
const INTERVENTION_CELLS: Record<InterventionCsvColumn, (row: ExportedIntervention) => Cell> = {
  position: (row) => row.position,
  request_id: (row) => row.requestId,
  reference: (row) => row.reference,
  external_reference: (row) => row.externalReference,
  closure_sequence: (row) => row.closureSequence,
  supersedes_position: (row) => row.supersedes?.position ?? null,
  customer_code: (row) => row.customer.code,
  customer_name: (row) => row.customer.name,
  site_code: (row) => row.site.code,
  site_name: (row) => row.site.name,
  asset_code: (row) => row.asset?.code ?? null,
  asset_model_code: (row) => row.asset?.modelCode ?? null,
  contract_code: (row) => row.contract?.code ?? null,
  contract_name: (row) => row.contract?.name ?? null,
  unit_code: (row) => row.unit?.code ?? null,
  unit_name: (row) => row.unit?.name ?? null,
  priority: (row) => row.priority,
  opened_at: (row) => row.openedAt,
  closed_at: (row) => row.closedAt,
  closed_on: (row) => row.closedOn,
  technician_codes: (row) => row.technicians.map((technician) => technician.code).join(CSV_CODE_SEPARATOR),
  technician_names: (row) =>
    row.technicians.map((technician) => technician.name ?? '').join(CSV_TEXT_SEPARATOR),
  labour_minutes: (row) => row.labourMinutes,
  estimated_labour_minutes: (row) => row.estimatedLabourMinutes,
  travel_minutes: (row) => row.travelMinutes,
  travel_km: (row) => row.travelKm,
  material_lines: (row) => row.materials.length,
  corrective_actions: (row) => row.correctiveActions.join(CSV_TEXT_SEPARATOR),
  resolution: (row) => row.resolution,
  closed_by: (row) => row.closedBy.name,
};

const MATERIAL_CELLS: Record<MaterialCsvColumn, (row: ExportedMaterialLine) => Cell> = {
  position: (row) => row.position,
  request_id: (row) => row.requestId,
  reference: (row) => row.reference,
  closure_sequence: (row) => row.closureSequence,
  supersedes_position: (row) => row.supersedesPosition,
  closed_at: (row) => row.closedAt,
  closed_on: (row) => row.closedOn,
  customer_code: (row) => row.customerCode,
  site_code: (row) => row.siteCode,
  contract_code: (row) => row.contractCode,
  unit_code: (row) => row.unitCode,
  line: (row) => row.line,
  item_code: (row) => row.itemCode,
  item_name: (row) => row.itemName,
  quantity: (row) => row.quantity,
  unit_of_measure: (row) => row.unitOfMeasure,
  unit_price: (row) => row.unitPrice,
  warehouse_code: (row) => row.warehouseCode,
  warehouse_name: (row) => row.warehouseName,
  warehouse_type: (row) => row.warehouseType,
  van_technician_code: (row) => row.vanTechnicianCode,
};

function csvOf<Row, Column extends string>(
  columns: readonly { name: Column }[],
  cells: Record<Column, (row: Row) => Cell>,
  rows: readonly Row[],
): string {
  const names = columns.map((column) => column.name);
  // RFC 4180: a header line even when there are no rows, CRLF line ends, quotes only where needed.
  return stringify(
    rows.map((row) => names.map((name) => cells[name](row))),
    {
      header: true,
      columns: names,
      record_delimiter: 'windows',
      // With CRLF records csv-stringify quotes only fields holding CRLF: a lone line feed in a
      // resolution would end the row for every other parser.
      quoted_match: /[\r\n]/,
      cast: { number: plainNumber },
    },
  );
}

export function interventionsCsv(rows: readonly ExportedIntervention[]): string {
  return csvOf(INTERVENTION_CSV_COLUMNS, INTERVENTION_CELLS, rows);
}

export function materialLinesCsv(rows: readonly ExportedMaterialLine[]): string {
  return csvOf(MATERIAL_CSV_COLUMNS, MATERIAL_CELLS, rows);
}
