import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PortalIcon } from './portal-icon';
import { PORTAL_LINKS, isCurrent } from './portal-links';

/** The portal's places in the frame's side navigation (wide screens). */
export function PortalSideLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation('portal');
  const { pathname } = useLocation();
  return (
    <Stack gap={2}>
      {PORTAL_LINKS.map((link) => {
        const current = isCurrent(link, pathname);
        return (
          <NavLink
            key={link.id}
            component={Link}
            to={link.to}
            label={t(`nav.${link.id}`)}
            leftSection={<PortalIcon icon={link.icon} size={18} />}
            active={current}
            aria-current={current ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
