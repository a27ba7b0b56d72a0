/** The portal's four places, in the order every navigation shows them. */
export const PORTAL_LINKS = [
  { id: 'requests', to: '/app/portal', icon: 'list' },
  { id: 'new', to: '/app/portal/new', icon: 'plus' },
  { id: 'assets', to: '/app/portal/assets', icon: 'equipment' },
  { id: 'contracts', to: '/app/portal/contracts', icon: 'document' },
] as const;

export type PortalLink = (typeof PORTAL_LINKS)[number];

/** Whether a link is the current place: a request's page belongs to "My requests", a machine's to "My equipment". */
export function isCurrent(link: PortalLink, pathname: string): boolean {
  if (link.id === 'requests')
    return pathname === '/app/portal' || pathname.startsWith('/app/portal/requests');
  return pathname === link.to || pathname.startsWith(`${link.to}/`);
}
