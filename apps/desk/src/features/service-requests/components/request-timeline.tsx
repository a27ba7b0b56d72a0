import { Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormatters } from '../format/use-formatters';
import { useRequestTimeline } from '../hooks/use-request-timeline';

/** The request's history in plain words, oldest first: what happened, who, when and why. */
export function RequestTimeline({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation('serviceRequests');
  const format = useFormatters();
  const timeline = useRequestTimeline(requestId, i18n.language);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="request-timeline-title">
      <Title order={2} fz="h4" mb="sm" id="request-timeline-title">
        {t('timeline.title')}
      </Title>
      {timeline.error ? (
        <ProblemAlert error={timeline.error} />
      ) : !timeline.data ? (
        <Loader role="status" size="sm" aria-label={t('timeline.loading')} />
      ) : timeline.data.length === 0 ? (
        <Text size="sm">{t('timeline.empty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
          {timeline.data.map((entry) => (
            <Timeline.Item key={entry.id} title={entry.text} data-type={entry.type}>
              {entry.why && (
                <Text size="sm" fs="italic">
                  {t('timeline.why', { why: entry.why })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {entry.actor.role
                  ? t('timeline.byWithRole', { name: entry.actor.name, role: entry.actor.role })
                  : t('timeline.by', { name: entry.actor.name })}
                {' · '}
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
