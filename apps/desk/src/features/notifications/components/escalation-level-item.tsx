import type { RequestEscalation } from '@fieldstream/api-contract';
import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlaFormatters } from '../../service-levels/format/use-sla-formatters';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { Countdown } from '../../service-levels/components/countdown';

type EscalationLevelView = RequestEscalation['levels'][number];

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={600} c="dimmed">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/**
 * One level raised: why and when, who was alerted through which channels, the deadline to
 * acknowledge (counting down while open) and who acknowledged, when, with their note.
 */
export function EscalationLevelItem({ level }: { level: EscalationLevelView }) {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  const sla = useSlaFormatters();
  const headingId = `escalation-level-${level.level}`;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      data-level={level.level}
      data-acknowledged={level.acknowledged !== null}
      style={{ borderLeft: `6px solid ${level.acknowledged ? '#2b6a2f' : '#a51d1d'}` }}
    >
      <Group gap="sm" mb="xs" wrap="wrap">
        <Title order={3} fz="sm" id={headingId}>
          {t('escalation.level', { level: level.level })}
        </Title>
        <Text size="sm" component="span">
          {t('escalation.percentOf', {
            percent: sla.percent(level.percent),
            clock: t(`escalation.clock.${level.clock}`),
          })}
        </Text>
        <Badge color={level.acknowledged ? '#2b6a2f' : '#a51d1d'} variant="filled" miw="fit-content">
          {level.acknowledged ? t('escalation.acknowledged') : t('escalation.awaiting')}
        </Badge>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
        <Fact term={t('escalation.fields.raised')}>
          <time dateTime={level.alertedAt}>{format.dateTime(level.alertedAt)}</time>
        </Fact>
        <Fact term={t('escalation.fields.cause')}>{t(`escalation.cause.${level.cause}`)}</Fact>
        <Fact term={t('escalation.fields.recipients')}>
          {level.recipients.length > 0
            ? level.recipients.map((recipient) => recipient.displayName).join(', ')
            : t('escalation.nobody')}
        </Fact>
        <Fact term={t('escalation.fields.channels')}>
          {level.channels.map((channel) => t(`channels.${channel}`, { defaultValue: channel })).join(', ')}
        </Fact>
        <Fact term={t('escalation.fields.deadline')}>
          {level.acknowledgeBy ? (
            <>
              <time dateTime={level.acknowledgeBy}>{format.dateTime(level.acknowledgeBy)}</time>
              {!level.acknowledged && (
                <>
                  {' · '}
                  <Countdown deadline={level.acknowledgeBy} />
                </>
              )}
            </>
          ) : (
            t('escalation.noDeadline')
          )}
        </Fact>
        <Fact term={t('escalation.fields.acknowledgedBy')}>
          {level.acknowledged ? (
            <>
              {t('escalation.acknowledgedByAt', {
                name: level.acknowledged.displayName,
                time: format.dateTime(level.acknowledged.at),
              })}
              {level.acknowledged.note && (
                <Text component="span" display="block" size="sm" fs="italic">
                  {t('escalation.note', { note: level.acknowledged.note })}
                </Text>
              )}
            </>
          ) : (
            t('escalation.notYet')
          )}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
