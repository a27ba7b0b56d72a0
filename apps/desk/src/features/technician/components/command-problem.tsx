import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { isConflict } from '../../../shared/api/is-conflict';
import { NetworkError } from '../../../shared/api/network-error';
import { ProblemAlert } from '../../../shared/components/problem-alert';

/**
 * Why a command did not go through, in words a technician can act on: someone changed the request
 * (the sheet has been reloaded), the network dropped (sending again is safe: the same submission
 * carries the same idempotency key), or the fields below need fixing.
 */
export function CommandProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('technician');
  if (isConflict(error)) {
    const detail = error instanceof ApiProblemError ? error.detail : undefined;
    return (
      <Alert color="orange" role="alert" title={t('command.conflictTitle')} data-problem="conflict">
        <Text size="sm">{t('command.conflict')}</Text>
        {detail && (
          <Text size="xs" mt={4}>
            {detail}
          </Text>
        )}
      </Alert>
    );
  }
  if (error instanceof NetworkError) {
    return (
      <Stack gap={4}>
        <ProblemAlert error={error} />
        <Text size="sm">{t('command.networkRetry')}</Text>
      </Stack>
    );
  }
  if (error instanceof ApiProblemError && (error.status === 400 || error.status === 422)) {
    return (
      <Alert color="red" role="alert" title={t('command.invalidTitle')} data-problem="invalid">
        <Text size="sm">{error.detail ?? t('command.invalid')}</Text>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
