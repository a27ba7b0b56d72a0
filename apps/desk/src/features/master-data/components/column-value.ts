import { valueAt } from '../form/form-values';

/**
 * A list cell: the value at a dotted column path, lists joined, booleans as yes/no, and the values
 * of a closed list (a topic, an audience) by their names when `option` is given.
 */
export function columnValue(
  record: Record<string, unknown>,
  column: string,
  yes: string,
  no: string,
  option: (value: string) => string = (value) => value,
): string {
  const value = valueAt(record, column);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value
      .map((entry) => (typeof entry === 'object' ? JSON.stringify(entry) : option(String(entry))))
      .join(', ');
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'object') return JSON.stringify(value);
  return option(String(value));
}
