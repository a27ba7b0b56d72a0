import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { RecordLink } from '../../service-requests/components/record-link';
import { useRequestEscalation } from '../hooks/use-request-escalation';
import { AcknowledgeDialog } from './acknowledge-dialog';
import { EscalationLevelItem } from './escalation-level-item';

/**
 * A request's escalation, beside its service level: the chain that applies, each level raised
 * (cause, time, who was alerted and how, the deadline to acknowledge, who acknowledged and their
 * note), and the button to acknowledge when the API says this reader may. A reader the API does
 * not let read it (a 403, or a 404 for a request out of their reach) sees no panel.
 */
export function RequestEscalationPanel({ requestId, reference }: { requestId: string; reference: string }) {
  const { t } = useTranslation('notifications');
  const escalation = useRequestEscalation(requestId);
  const [acknowledging, setAcknowledging] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const { data, error } = escalation;
  if (error instanceof ApiProblemError && [401, 403, 404].includes(error.status)) return null;
  const levels = data ? [...data.levels].sort((a, b) => a.level - b.level) : [];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="request-escalation-title"
      data-testid="escalation-panel"
    >
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="h4" id="request-escalation-title">
          {t('escalation.title')}
        </Title>
        <Text size="sm" fw={500} role="status" style={{ flex: 1 }}>
          {acknowledged ? t('escalation.done') : ''}
        </Text>
        {data?.canAcknowledge && (
          <Button
            color="#a51d1d"
            size="xs"
            onClick={() => {
              setAcknowledged(false);
              setAcknowledging(true);
            }}
          >
            {t('escalation.acknowledge')}
          </Button>
        )}
      </Group>
      {data ? (
        <Stack gap="sm">
          {data.chainCode && (
            <Text size="sm">
              {t('escalation.chain')}: <RecordLink plural="escalation-chains" code={data.chainCode} />
            </Text>
          )}
          {levels.length === 0 ? (
            // The API knows a request's chain only once it has escalated: until then, nothing to say but that.
            <Text size="sm">{t('escalation.noLevels')}</Text>
          ) : (
            <Stack
              component="ol"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('escalation.levelsLabel')}
              data-testid="escalation-levels"
            >
              {levels.map((level) => (
                <EscalationLevelItem key={level.level} level={level} />
              ))}
            </Stack>
          )}
        </Stack>
      ) : error ? (
        <ProblemAlert error={error} />
      ) : (
        <Loader size="sm" role="status" aria-label={t('escalation.loading')} />
      )}
      {acknowledging && (
        <AcknowledgeDialog
          requestId={requestId}
          reference={reference}
          onClose={() => setAcknowledging(false)}
          onAcknowledged={() => setAcknowledged(true)}
        />
      )}
    </Paper>
  );
}
