import { Alert, Button, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { useUsers } from '../hooks/use-users';
import { ApiKeysPanel } from './api-keys-panel';
import { UserFormDialog } from './user-form-dialog';
import { UsersTable } from './users-table';

/** Accounts and API keys: administrators manage them, auditors may look. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const { session } = useSession();
  const role = session?.user.role;
  const allowed = role === 'admin' || role === 'auditor';
  const canWrite = role === 'admin';
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  useDocumentTitle(`${t('title')} · Fieldstream`);
  if (!allowed) return <Alert color="orange">{t('forbidden')}</Alert>;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('title')}
        </Title>
        {canWrite && <Button onClick={() => setCreating(true)}>{t('users.new')}</Button>}
      </Group>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('users.tab')}</Tabs.Tab>
          <Tabs.Tab value="keys">{t('keys.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          {users.error ? (
            <ProblemAlert error={users.error} />
          ) : users.data ? (
            <UsersTable users={users.data} canWrite={canWrite} />
          ) : (
            <Loader role="status" size="sm" aria-label={t('users.loading')} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="keys" pt="md">
          <ApiKeysPanel canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
      {creating && <UserFormDialog user={null} opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
