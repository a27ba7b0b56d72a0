/**
 * What a customer is told of who is coming: the first word of the technician's name ("Mario" of
 * "Mario Rossi"), never the surname or the code. Absent when the name is unknown.
 */
export function firstNameOf(fullName: string | undefined): string | undefined {
  const first = fullName?.trim().split(/\s+/)[0];
  return first ? first : undefined;
}
