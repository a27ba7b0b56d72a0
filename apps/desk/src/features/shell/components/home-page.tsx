import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../auth/hooks/use-session';

/** The landing page inside the frame. */
export function HomePage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation('shell');
  const { session } = useSession();
  // A technician's day starts from their agenda; a customer's from their requests in the portal.
  if (session?.user.role === 'technician') return <Navigate to="/app/my/agenda" replace />;
  if (session?.user.role === 'customer') return <Navigate to="/app/portal" replace />;
  return (
    <Stack gap="sm" maw={720}>
      <Title order={1} fz="h2">
        {t('home.heading', { username: session?.user.displayName || session?.user.username || '' })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('home.today', { date: today, formatParams: { date: { dateStyle: 'full' } } })}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <Text size="sm">{t('home.empty')}</Text>
      </Paper>
    </Stack>
  );
}
