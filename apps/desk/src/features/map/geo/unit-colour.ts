/** Distinct, colour-blind-friendlier hues (Okabe–Ito, then Tol's), cycled when units outnumber them. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#882255',
  '#117733',
  '#332288',
  '#999933',
];

/**
 * The same unit gets the same colour on every load: colours follow the units' sorted codes, not
 * the order the API happened to list zones in.
 */
export function unitColours(unitCodes: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(unitCodes)].sort();
  return new Map(sorted.map((code, index) => [code, PALETTE[index % PALETTE.length] ?? '#666666']));
}
