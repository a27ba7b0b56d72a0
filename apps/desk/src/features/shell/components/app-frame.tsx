import { AppShell, Burger, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session';
import { BrandMark } from '../../../shared/components/brand-mark';
import { LanguageSwitcher } from '../../../shared/components/language-switcher';
import { SkipLink } from '../../../shared/components/skip-link';
import { UserMenu } from './user-menu';

const MAIN_ID = 'main-content';

/** The empty frame every role's screens will live in. */
export function AppFrame({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation(['shell', 'common']);
  const { session } = useSession();
  const [navOpened, { toggle }] = useDisclosure(false);
  useDocumentTitle(t('documentTitle'));

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <SkipLink targetId={MAIN_ID} />
      <AppShell.Header bg="white">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('navigation.toggle')}
              aria-expanded={navOpened}
              aria-controls="app-navigation"
            />
            <BrandMark size={24} />
            <Text fw={600}>{t('common:productName')}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navigation" p="md" bg="white" aria-label={t('navigation.label')}>
        <Text size="sm" c="dimmed">
          {t('navigation.comingSoon')}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Stack gap="sm" maw={720}>
          <Title order={1} fz="h2">
            {t('home.heading', { username: session?.username ?? '' })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('home.today', { date: today, formatParams: { date: { dateStyle: 'full' } } })}
          </Text>
          <Paper withBorder p="lg" radius="md">
            <Text size="sm">{t('home.empty')}</Text>
          </Paper>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
