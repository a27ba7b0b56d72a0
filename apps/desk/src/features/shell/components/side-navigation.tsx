import { Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/hooks/use-session';
import { useMasterDataKinds } from '../../master-data/hooks/use-master-data-kinds';
import { PortalSideLinks } from '../../portal/components/portal-side-links';
import { ADMINISTRATION_LINKS, INTEGRATION_LINKS, NAV_SECTIONS, WORK_LINKS } from './nav-sections';

/**
 * The sections this user may open: master data they may read, grouped; administration (users, the
 * notifications' delivery log) for admins and auditors. A customer gets the portal's places.
 */
export function SideNavigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation(['shell', 'masterData']);
  const { session } = useSession();
  const kinds = useMasterDataKinds();
  const { pathname } = useLocation();
  const role = session?.user.role;
  // A customer's master data is their own book, which the portal shows in its own pages.
  const customer = role === 'customer';
  const readable = new Map(
    (kinds.data ?? []).filter((kind) => kind.read !== 'none').map((kind) => [kind.kind, kind]),
  );
  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      // Home is active only on itself; a section also for its records' pages.
      active={pathname === to || (to !== '/app' && pathname.startsWith(`${to}/`))}
      aria-current={pathname === to ? 'page' : undefined}
      onClick={onNavigate}
    />
  );

  if (customer) {
    return (
      <ScrollArea type="auto" style={{ flex: 1 }}>
        <PortalSideLinks onNavigate={onNavigate} />
      </ScrollArea>
    );
  }
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap="md">
        <div>
          {link('/app', t('navigation.home'))}
          {WORK_LINKS.filter((entry) => !entry.roles || (role && entry.roles.includes(role))).map((entry) =>
            link(entry.to, t(`navigation.links.${entry.id}`)),
          )}
        </div>
        {kinds.isPending && <Loader role="status" size="xs" aria-label={t('navigation.loading')} />}
        {NAV_SECTIONS.map((section) => {
          const entries = section.kinds.flatMap((name) => {
            const kind = readable.get(name);
            return kind ? [link(`/app/md/${kind.plural}`, t(`masterData:kinds.${name}.plural`))] : [];
          });
          if (section.id === 'administration') {
            for (const entry of ADMINISTRATION_LINKS)
              if (role && entry.roles.includes(role))
                entries.push(link(entry.to, t(`navigation.links.${entry.id}`)));
          }
          if (section.id === 'integrations') {
            for (const entry of INTEGRATION_LINKS)
              if (role && entry.roles.includes(role))
                entries.push(link(entry.to, t(`navigation.links.${entry.id}`)));
          }
          if (entries.length === 0) return null;
          return (
            <div role="group" key={section.id} aria-labelledby={`nav-section-${section.id}`}>
              <Text
                id={`nav-section-${section.id}`}
                size="xs"
                fw={700}
                tt="uppercase"
                c="dimmed"
                px="sm"
                mb={4}
              >
                {t(`navigation.sections.${section.id}`)}
              </Text>
              {entries}
            </div>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
