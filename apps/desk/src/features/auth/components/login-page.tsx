import { Alert, Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { BrandMark } from '../../../shared/components/brand-mark';
import { LanguageSwitcher } from '../../../shared/components/language-switcher';
import { SkipLink } from '../../../shared/components/skip-link';
import { useSession } from '../hooks/use-session';
import { LoginForm } from './login-form';
import classes from './login-page.module.css';

const MAIN_ID = 'main-content';

/** Where the guard sent the user from, if it is a page of ours (never an open redirect). */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/app';
}

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { session, endReason } = useSession();
  const location = useLocation();
  useDocumentTitle(t('login.documentTitle'));

  // A successful sign-in lands here too: the new session re-renders the page into this redirect.
  if (session) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <div className={classes.page}>
      <SkipLink targetId={MAIN_ID} />
      <Box component="header" className={classes.header}>
        <Group justify="flex-end" wrap="nowrap">
          <LanguageSwitcher />
        </Group>
      </Box>
      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Paper withBorder shadow="xs" radius="md" p="xl" className={classes.card}>
          <Stack gap={4} mb="lg" align="center">
            <BrandMark size={40} />
            <Text fw={700} fz="lg" mt={6}>
              {t('common:productName')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('common:tagline')}
            </Text>
          </Stack>
          <Title order={1} fz="h3" mb={4}>
            {t('login.heading')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('login.intro')}
          </Text>
          {endReason === 'expired' && (
            <Alert
              color="orange"
              variant="light"
              mb="md"
              title={t('session.expired.title')}
              data-testid="session-ended"
            >
              {t('session.expired.body')}
            </Alert>
          )}
          <LoginForm />
        </Paper>
      </main>
      <Box component="footer" className={classes.footer}>
        <Text size="xs" c="dimmed">
          {t('common:footer')}{' '}
          <Anchor href="https://www.gnu.org/licenses/agpl-3.0.html" size="xs" c="steel.8" underline="always">
            AGPL-3.0-or-later
          </Anchor>
        </Text>
      </Box>
    </div>
  );
}
