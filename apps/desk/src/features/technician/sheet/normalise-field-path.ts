/**
 * The API names a field by the body's path (`materials.0.quantity`); the domain's own refusals
 * name it inside the actuals (`actuals.materials[0].quantity`). Both point at the same input.
 */
export function normaliseFieldPath(path: string): string {
  return path
    .replace(/^actuals\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}
