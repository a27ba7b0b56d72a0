import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { usePreventiveRuns } from '../hooks/use-preventive-runs';
import { PreventiveRunCard } from './preventive-run-card';

/**
 * `/app/preventive`, for the desk, management and auditors: what the worker's hourly runs of the
 * maintenance plans did, newest first — the visits opened (moved off closed days, and why), those no
 * open day was found for, and what went wrong. Only runs that did something are recorded. The live
 * topic `service-requests` (a run opens requests) keeps it current.
 */
export function PreventiveRunsPage() {
  const { t } = useTranslation('preventive');
  useDocumentTitle(`${t('title')} · Fieldstream`);
  const runs = usePreventiveRuns();
  const list = runs.data?.runs ?? [];
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} fz="h2">
        {t('title')}
      </Title>
      <Text size="sm" maw={760}>
        {t('intro')}
      </Text>
      {runs.error && <ProblemAlert error={runs.error} />}
      {runs.isPending && <Loader size="sm" role="status" aria-label={t('loading')} />}
      {runs.data &&
        (list.length === 0 ? (
          <Alert color="gray" variant="light" title={t('empty.title')} data-testid="runs-empty">
            <Text size="sm">{t('empty.body')}</Text>
          </Alert>
        ) : (
          <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.map((run) => (
              <li key={run.at}>
                <PreventiveRunCard run={run} />
              </li>
            ))}
          </Stack>
        ))}
    </Stack>
  );
}
