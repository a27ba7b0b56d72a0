import type { ZodError } from 'zod';
import type { FieldIssue } from '../../errors';

type Path = readonly PropertyKey[];

/**
 * A body's problems, each naming its field. A strict object reports the keys it does not know at
 * its own path, with none of them in it; here each unknown key is the field at fault.
 */
export function fieldIssues(
  error: ZodError,
  options: {
    /** Where a path of the schema parsed is in what the client sent. */
    field?: (path: Path) => string;
    unknownKey?: (key: string) => Pick<FieldIssue, 'code' | 'message'>;
  } = {},
): FieldIssue[] {
  const field = options.field ?? ((path: Path) => path.map(String).join('.'));
  const unknownKey =
    options.unknownKey ?? (() => ({ code: 'unrecognized_keys', message: 'Not a field of this request' }));
  return error.issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: field([...issue.path, key]), ...unknownKey(key) }))
      : [{ field: field(issue.path), code: issue.code, message: issue.message }],
  );
}
