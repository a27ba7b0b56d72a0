/**
 * Where a person opens a request in the desk: a technician's own sheet, a customer's portal page,
 * or the desk's request page. Links in pushed notifications and webhooks point there.
 */
export function deskRequestPath(role: string, requestId: string): string {
  const id = encodeURIComponent(requestId);
  switch (role) {
    case 'technician':
      return `/app/my/requests/${id}`;
    case 'customer':
      return `/app/portal/requests/${id}`;
    default:
      return `/app/requests/${id}`;
  }
}
