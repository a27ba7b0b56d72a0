import { masterDataFactOf } from '@fieldstream/domain';
import { Accordion, Badge, Code, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useRecordHistory } from '../hooks/use-record-history';

function recordOf(data: unknown): unknown {
  if (data && typeof data === 'object' && 'record' in data) return (data as { record: unknown }).record;
  return data;
}

/** The audit trail: who changed what and when; each entry expands to the record as it was then. */
export function RecordHistory({ plural, code, active }: { plural: string; code: string; active: boolean }) {
  const { t, i18n } = useTranslation('masterData');
  const history = useRecordHistory(plural, code, active);
  if (history.error) return <ProblemAlert error={history.error} />;
  if (!history.data) return <Loader role="status" size="sm" aria-label={t('history.loading')} />;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const entries = [...history.data].sort((a, b) => b.version - a.version);
  return (
    <Accordion multiple variant="separated" data-testid="record-history">
      {entries.map((entry) => (
        <Accordion.Item key={entry.version} value={String(entry.version)} data-version={entry.version}>
          <Accordion.Control>
            <Group gap="sm" wrap="wrap">
              <Badge variant="filled" color="steel.7">
                {t('history.version', { version: entry.version })}
              </Badge>
              <Text size="sm" fw={500}>
                {t(`history.types.${masterDataFactOf(entry.type) ?? 'other'}`, { defaultValue: entry.type })}
              </Text>
              <Text size="sm">
                {t('history.by', {
                  name: entry.actorName ?? entry.actorId ?? '?',
                  role: entry.actorRole
                    ? t(`shell:roles.${entry.actorRole}`, { defaultValue: entry.actorRole })
                    : '—',
                })}
              </Text>
              <Text size="sm" c="dimmed">
                <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
              </Text>
            </Group>
            {typeof (entry.data as { reason?: unknown } | undefined)?.reason === 'string' && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('history.reason', { reason: (entry.data as { reason: string }).reason })}
              </Text>
            )}
            {entry.changedFields && entry.changedFields.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('history.changed', { fields: entry.changedFields.join(', ') })}
              </Text>
            )}
          </Accordion.Control>
          <Accordion.Panel>
            {/* Registered and changed events carry the whole record: this is the record at that version. */}
            <Code block>{JSON.stringify(recordOf(entry.data), null, 2)}</Code>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
