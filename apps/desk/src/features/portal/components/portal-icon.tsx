import type { PortalLink } from './portal-links';

const PATHS: Record<PortalLink['icon'], string> = {
  list: 'M4 6h16M4 12h16M4 18h10',
  plus: 'M12 5v14M5 12h14',
  equipment: 'M4 7h16v10H4zM8 17v3M16 17v3M8 11h3',
  document: 'M7 3h7l4 4v14H7zM14 3v4h4M10 12h5M10 16h5',
};

/** A line icon for a portal place; decoration only, the label says what it is. */
export function PortalIcon({ icon, size = 22 }: { icon: PortalLink['icon']; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[icon]} />
    </svg>
  );
}
