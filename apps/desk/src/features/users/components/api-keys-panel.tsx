import { Badge, Button, Group, Loader, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useApiKeys } from '../hooks/use-users';
import { useUserCommands } from '../hooks/use-user-commands';
import type { ApiKeyEntry } from '../types/user-types';
import { IssueKeyDialog } from './issue-key-dialog';

/** Machine credentials: list, issue (secret shown once), revoke with a reason. */
export function ApiKeysPanel({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation('users');
  const keys = useApiKeys();
  const { revokeKey } = useUserCommands();
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyEntry | null>(null);
  const [reason, setReason] = useState('');
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  if (keys.error) return <ProblemAlert error={keys.error} />;
  if (!keys.data) return <Loader role="status" size="sm" aria-label={t('keys.loading')} />;
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button onClick={() => setIssuing(true)}>{t('keys.issue')}</Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-label={t('keys.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('keys.name')}</Table.Th>
              <Table.Th scope="col">{t('fields.role')}</Table.Th>
              <Table.Th scope="col">{t('fields.status')}</Table.Th>
              <Table.Th scope="col">{t('keys.issuedAt')}</Table.Th>
              <Table.Th scope="col">{t('keys.expiresOn')}</Table.Th>
              {canWrite && <Table.Th scope="col">{t('fields.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => (
              <Table.Tr key={key._id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>{t(`keys.roles.${key.role}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="filled" color={key.status === 'active' ? 'teal.9' : 'gray.7'}>
                    {t(`keys.status.${key.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.format(new Date(key.issuedAt))}</Table.Td>
                <Table.Td>{key.expiresAt ? format.format(new Date(key.expiresAt)) : '—'}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    {key.status === 'active' && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        onClick={() => setRevoking(key)}
                        aria-label={t('keys.revokeNamed', { name: key.name })}
                      >
                        {t('keys.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {issuing && <IssueKeyDialog onClose={() => setIssuing(false)} />}
      {revoking && (
        <Modal
          opened
          onClose={() => setRevoking(null)}
          title={t('keys.revokeNamed', { name: revoking.name })}
        >
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              revokeKey.mutate(
                { id: revoking._id, reason: reason.trim() },
                {
                  onSuccess: () => {
                    setRevoking(null);
                    setReason('');
                  },
                },
              );
            }}
          >
            <Stack>
              {revokeKey.error && <ProblemAlert error={revokeKey.error} />}
              <TextInput
                label={t('keys.reason')}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <DialogActions
                cancelLabel={t('actions.cancel')}
                onCancel={() => setRevoking(null)}
                confirmLabel={t('keys.revoke')}
                pending={revokeKey.isPending}
                destructive
              />
            </Stack>
          </form>
        </Modal>
      )}
    </Stack>
  );
}
