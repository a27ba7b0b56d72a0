/**
 * The sheet of a request; an office user looking at someone's agenda keeps acting for that
 * technician there.
 */
export function sheetLink(requestId: string, forTechnician: string | undefined): string {
  const path = `/app/my/requests/${encodeURIComponent(requestId)}`;
  return forTechnician ? `${path}?${new URLSearchParams({ technician: forTechnician }).toString()}` : path;
}
