import { COMMAND_FIELDS, type FormCommand } from './command-fields';
import type { CommandValues } from './command-values';

const isEmpty = (value: string | string[] | undefined) =>
  value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** The required fields left empty, checked before sending so the user hears it at once. */
export function missingFields(command: FormCommand, values: CommandValues): string[] {
  return COMMAND_FIELDS[command]
    .filter((field) => field.required && isEmpty(values[field.name]))
    .map((field) => field.name);
}
