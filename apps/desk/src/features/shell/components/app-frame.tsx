import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { BrandMark } from '../../../shared/components/brand-mark';
import { LanguageSwitcher } from '../../../shared/components/language-switcher';
import { SkipLink } from '../../../shared/components/skip-link';
import { useSession } from '../../auth/hooks/use-session';
import { NotificationBell } from '../../notifications/components/notification-bell';
import { PortalTabBar } from '../../portal/components/portal-tab-bar';
import { SideNavigation } from './side-navigation';
import { UserMenu } from './user-menu';

const MAIN_ID = 'main-content';

/**
 * The frame every screen lives in: header (with the notifications' bell), the user's navigation,
 * and the routed page. A customer's portal has four places only: on a phone they sit in a tab bar
 * at the bottom, where the thumb reaches, instead of behind a menu button.
 */
export function AppFrame() {
  const { t } = useTranslation(['shell', 'common']);
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const customer = useSession().session?.user.role === 'customer';
  useDocumentTitle(t('documentTitle'));

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: customer || !navOpened } }}
      // The tab bar is for phones: wider screens keep the side navigation and no space for it.
      {...(customer && { footer: { height: { base: 60, sm: 0 } } })}
      // A phone needs its width for the technician's cards; a desk screen gets room to breathe.
      padding={{ base: 'xs', sm: 'lg' }}
    >
      <SkipLink targetId={MAIN_ID} />
      <AppShell.Header bg="white">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            {!customer && (
              <Burger
                opened={navOpened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('navigation.toggle')}
                aria-expanded={navOpened}
                aria-controls="app-navigation"
              />
            )}
            <BrandMark size={24} />
            <Text fw={600}>{t('common:productName')}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navigation" p="xs" bg="white" aria-label={t('navigation.label')}>
        <SideNavigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      {customer && (
        <AppShell.Footer hiddenFrom="sm" bg="white">
          <PortalTabBar />
        </AppShell.Footer>
      )}
    </AppShell>
  );
}
