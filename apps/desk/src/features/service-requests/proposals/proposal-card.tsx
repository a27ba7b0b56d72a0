import type { ProposedSlotView, TechnicianProposalView } from '@fieldstream/api-contract';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProposalExplanation } from './proposal-explanation';
import { travelText } from './proposal-texts';
import { DeadlineBadge, UseSlotButton } from './slot-controls';
import type { ZonedFormats } from './zoned-formats';

/**
 * One proposed technician: who, when at the earliest (in the site's zone), against the deadline,
 * how they fit the zone, the drive, the materials and the total score; the explanation on demand.
 */
export function ProposalCard({
  proposal,
  slot,
  formats,
  onUse,
}: {
  proposal: TechnicianProposalView;
  /** The earliest start: a proposed technician always has one. */
  slot: ProposedSlotView;
  formats: ZonedFormats;
  /** Absent: read-only (a what-if). */
  onUse?: (slot: ProposedSlotView) => void;
}) {
  const { t } = useTranslation('serviceRequests');
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  const { name, technicianCode } = proposal;
  const facts = [
    t(`proposals.zoneFit.${proposal.zone}`),
    travelText(slot, t, formats),
    t(`proposals.materials.${proposal.materials.status}`),
  ];
  return (
    <Paper withBorder p="xs" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        {/* The facts may wrap; the button keeps its width beside them. */}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={4} size="h5">
              {t('proposals.technician', { name, code: technicianCode })}
            </Title>
            {proposal.score && (
              <Badge variant="outline" miw="fit-content" data-testid="proposal-score">
                {t('proposals.score', { score: formats.number(proposal.score.total) })}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {t('proposals.earliest', { when: formats.dayTime(slot.start) })}
            </Text>
            <DeadlineBadge withinDeadline={slot.withinDeadline} />
          </Group>
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
        </Stack>
        <UseSlotButton name={name} slot={slot} formats={formats} onUse={onUse} />
      </Group>
      <Button
        variant="subtle"
        size="compact-sm"
        mt={4}
        px={4}
        aria-expanded={open}
        aria-controls={open ? explanationId : undefined}
        leftSection={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
        onClick={() => setOpen((was) => !was)}
      >
        {t('proposals.explain', { name })}
      </Button>
      {open && <ProposalExplanation id={explanationId} proposal={proposal} formats={formats} onUse={onUse} />}
    </Paper>
  );
}
