import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { ReferenceMultiSelect } from '../../master-data/components/reference-select';
import { useUserCommands } from '../hooks/use-user-commands';

/** Issues a machine key and shows its secret once: only a hash is kept on the server. */
export function IssueKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('users');
  const { issueKey } = useUserCommands();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'integrator' | 'device'>('integrator');
  const [assetCodes, setAssetCodes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const errors = fieldErrorsByPath(issueKey.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    issueKey.mutate({
      name: name.trim(),
      role,
      assetCodes: role === 'device' ? assetCodes : [],
      ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
    });
  };
  const issued = issueKey.data;
  return (
    <Modal opened onClose={onClose} title={t('keys.issueTitle')}>
      {issued ? (
        <Stack>
          <Alert color="yellow" title={t('keys.onceTitle')}>
            {t('keys.onceBody')}
          </Alert>
          <Code block data-testid="issued-key">
            {issued.apiKey}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={issued.apiKey}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('keys.copied') : t('keys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('keys.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack>
            {issueKey.error &&
              !(issueKey.error instanceof ApiProblemError && issueKey.error.status === 400) && (
                <ProblemAlert error={issueKey.error} />
              )}
            <TextInput
              label={t('keys.name')}
              required
              value={name}
              error={errors['name']}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Select
              label={t('fields.role')}
              required
              allowDeselect={false}
              data={(['integrator', 'device'] as const).map((value) => ({
                value,
                label: t(`keys.roles.${value}`),
              }))}
              value={role}
              onChange={(value) => value && setRole(value as 'integrator' | 'device')}
            />
            {role === 'device' && (
              <ReferenceMultiSelect
                refKind="asset"
                label={t('keys.assets')}
                required
                readOnly={false}
                value={assetCodes}
                error={errors['assetCodes']}
                onChange={setAssetCodes}
              />
            )}
            <TextInput
              type="date"
              label={t('keys.expiresOn')}
              value={expiresOn}
              error={errors['expiresAt']}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
            />
            <DialogActions
              cancelLabel={t('actions.cancel')}
              onCancel={onClose}
              confirmLabel={t('keys.issue')}
              pending={issueKey.isPending}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
