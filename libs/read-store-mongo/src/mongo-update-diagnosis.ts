import { isPlainObject, type Update } from '@fieldstream/read-store';

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * MongoDB refuses an update that does not fit the document ($inc on a string, $push on a scalar,
 * a field created inside a scalar) with a message naming only the last field. The port names the
 * whole path (`update.$inc.site.zone`), as the embedded adapter does, so after a refusal we find
 * which part of the update does not fit the document as it stands.
 */
export function diagnoseRejectedUpdate(document: unknown, update: Update): string | undefined {
  for (const [operator, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) {
      const where = `update.${operator}.${path}`;
      const reached = reach(document, path.split('.'));
      if (reached.blocked) {
        if (operator === '$set' || operator === '$inc' || operator === '$push') return where;
        continue;
      }
      const value = reached.value;
      if (value === undefined) continue;
      if (operator === '$inc' && typeof value !== 'number') return where;
      if ((operator === '$push' || operator === '$pull') && !Array.isArray(value)) return where;
    }
  }
  return undefined;
}

/** The value at a dotted path; `blocked` when a scalar stands where a container is needed. */
function reach(root: unknown, segments: readonly string[]): { value: unknown; blocked: boolean } {
  let node: unknown = root;
  for (const segment of segments) {
    if (node === undefined) return { value: undefined, blocked: false };
    if (Array.isArray(node)) {
      if (!INDEX.test(segment)) return { value: undefined, blocked: true };
      node = node[Number(segment)];
    } else if (isPlainObject(node)) {
      node = node[segment];
    } else {
      return { value: undefined, blocked: true };
    }
  }
  return { value: node, blocked: false };
}
