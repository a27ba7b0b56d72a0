import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PortalIcon } from './portal-icon';
import { PORTAL_LINKS, isCurrent } from './portal-links';
import classes from './portal-tab-bar.module.css';

/** The portal's places as a tab bar at the bottom of a phone's screen, within the thumb's reach. */
export function PortalTabBar() {
  const { t } = useTranslation('portal');
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('nav.label')} style={{ height: '100%' }}>
      <ul className={classes.bar}>
        {PORTAL_LINKS.map((link) => (
          <li key={link.id}>
            <Link
              to={link.to}
              className={classes.tab}
              aria-current={isCurrent(link, pathname) ? 'page' : undefined}
            >
              <PortalIcon icon={link.icon} />
              {t(`nav.${link.id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
