import type { CrewProposalView } from '@fieldstream/api-contract';
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainList } from './plain-list';
import { DeadlineBadge } from './slot-controls';
import type { ZonedFormats } from './zoned-formats';

const crewKey = (crew: CrewProposalView) =>
  `${crew.members.map((member) => member.technicianCode).join('+')}@${crew.start}`;

/**
 * Crews for a synchronized intervention: teams whose members together hold every skill the job
 * needs, all free at the same start. Open from the start when no technician can do the job alone,
 * collapsed (after the single proposals) otherwise. "Use crew" fills one row per member.
 */
export function CrewsSection({
  crews,
  formats,
  defaultOpen,
  onUse,
}: {
  crews: readonly CrewProposalView[];
  formats: ZonedFormats;
  /** Open until the user closes it: when nobody is proposed alone, the crews are the answer. */
  defaultOpen: boolean;
  /** Absent: read-only (a what-if). */
  onUse?: (crew: CrewProposalView) => void;
}) {
  const { t } = useTranslation('serviceRequests');
  // Follows `defaultOpen` (a refreshed answer may change it) until the user opens or closes it.
  const [chosen, setChosen] = useState<boolean>();
  const open = chosen ?? defaultOpen;
  const headingId = useId();
  const bodyId = useId();
  if (crews.length === 0) return null;
  return (
    <section aria-labelledby={headingId} data-testid="crews-section">
      <Title order={4} size="h5" id={headingId}>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          leftSection={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
          onClick={() => setChosen(!open)}
        >
          {t('proposals.crews.title')}
        </Button>
      </Title>
      {open && (
        <Stack id={bodyId} gap={4} mt={4}>
          <Text size="xs" c="dimmed">
            {t('proposals.crews.help')}
          </Text>
          <PlainList testId="crews-list">
            {crews.map((crew) => (
              <li key={crewKey(crew)} data-crew={crew.members.map((m) => m.technicianCode).join('+')}>
                <CrewCard crew={crew} formats={formats} onUse={onUse && (() => onUse(crew))} />
              </li>
            ))}
          </PlainList>
        </Stack>
      )}
    </section>
  );
}

/** One crew: who, bringing which skills, from when to when together (in the site's zone). */
function CrewCard({
  crew,
  formats,
  onUse,
}: {
  crew: CrewProposalView;
  formats: ZonedFormats;
  onUse: (() => void) | undefined;
}) {
  const { t } = useTranslation('serviceRequests');
  const names = formats.and(crew.members.map((member) => member.name));
  return (
    <Paper withBorder p="xs" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4}>
          <Title order={5} size="h6">
            {names}
          </Title>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {t('proposals.crews.together', { span: formats.span(crew.start, crew.end) })}
            </Text>
            <DeadlineBadge withinDeadline={crew.withinDeadline} />
          </Group>
          <List size="sm" spacing={2} withPadding>
            {crew.members.map((member) => (
              <List.Item key={member.technicianCode}>
                {t('proposals.crews.member', {
                  name: member.name,
                  code: member.technicianCode,
                  skills: formats.and(member.skillCodes),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
        {onUse && (
          <Button
            size="compact-sm"
            variant="filled"
            miw="fit-content"
            aria-label={t('proposals.crews.useLabel', { names, when: formats.dayTime(crew.start) })}
            onClick={onUse}
          >
            {t('proposals.crews.use')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
