import { Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useUserCommands } from '../hooks/use-user-commands';
import type { UserAccount } from '../types/user-types';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserFormDialog } from './user-form-dialog';

function bindingText(user: UserAccount): string {
  const { unitCode, customerCode, technicianCode } = user.profile.binding;
  return unitCode ?? customerCode ?? technicianCode ?? '—';
}

/** Accounts with their state; admins act on them from each row's menu. */
export function UsersTable({
  users,
  canWrite,
  now = new Date(),
}: {
  users: UserAccount[];
  canWrite: boolean;
  now?: Date;
}) {
  const { t, i18n } = useTranslation('users');
  const { action } = useUserCommands();
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      {action.error && <ProblemAlert error={action.error} />}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('users.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.username')}</Table.Th>
              <Table.Th scope="col">{t('fields.displayName')}</Table.Th>
              <Table.Th scope="col">{t('fields.role')}</Table.Th>
              <Table.Th scope="col">{t('fields.binding')}</Table.Th>
              <Table.Th scope="col">{t('fields.status')}</Table.Th>
              <Table.Th scope="col">{t('fields.lastLogin')}</Table.Th>
              {canWrite && <Table.Th scope="col">{t('fields.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > now;
              return (
                <Table.Tr key={user._id} data-username={user.username}>
                  <Table.Td>{user.username}</Table.Td>
                  <Table.Td>{user.profile.displayName}</Table.Td>
                  <Table.Td>{t(`shell:roles.${user.profile.role}`)}</Table.Td>
                  <Table.Td>{bindingText(user)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="filled" color={user.status === 'active' ? 'teal.9' : 'gray.7'}>
                        {t(`status.${user.status}`)}
                      </Badge>
                      {locked && (
                        <Badge variant="filled" color="red.9">
                          {t('status.locked')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {user.lastLoginAt ? format.format(new Date(user.lastLoginAt)) : t('users.never')}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('users.actionsFor', { username: user.username })}
                          >
                            {t('fields.actions')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing(user)}>{t('actions.edit')}</Menu.Item>
                          <Menu.Item onClick={() => setResetting(user)}>
                            {t('actions.resetPassword')}
                          </Menu.Item>
                          {locked && (
                            <Menu.Item onClick={() => action.mutate({ id: user._id, action: 'unlock' })}>
                              {t('actions.unlock')}
                            </Menu.Item>
                          )}
                          {user.status === 'active' ? (
                            <Menu.Item
                              color="red.9"
                              onClick={() => action.mutate({ id: user._id, action: 'disable' })}
                            >
                              {t('actions.disable')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item onClick={() => action.mutate({ id: user._id, action: 'enable' })}>
                              {t('actions.enable')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <UserFormDialog key={editing._id} user={editing} opened onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
