import type { CrewProposalView, ProposedSlotView, TechnicianProposalView } from '@fieldstream/api-contract';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { localInputValueOf } from '../format/local-input-value-of';
import { CrewsSection } from './crews-section';
import { ExcludedTechnicians } from './excluded-technicians';
import { PlainList } from './plain-list';
import { ProposalCard } from './proposal-card';
import { useRequestProposals } from './use-request-proposals';
import { zonedFormats } from './zoned-formats';

const DAY_MS = 24 * 60 * 60_000;

/** What "Use" puts in the dialog's current row: the values its inputs take. */
export interface ProposalChoice {
  technicianCode: string;
  /** A `datetime-local` value on the browser's clock, as the row's start input holds it. */
  start: string;
  durationMinutes: number;
}

type Proposed = TechnicianProposalView & { slot: ProposedSlotView };
const isProposed = (proposal: TechnicianProposalView): proposal is Proposed =>
  proposal.status === 'proposed' && proposal.slot !== undefined;

/**
 * Who can restore service, and when, and why: the proposed technicians, best first, each taken
 * into the dialog's current row with one click (or one of their later starts); then the crews for
 * a synchronized intervention, taken into the rows all at once (open when nobody is proposed
 * alone); then, collapsed, those excluded with their reasons.
 */
export function ProposalsPanel({
  requestId,
  rowNumber,
  onUse,
  onUseCrew,
  help,
}: {
  requestId: string;
  /** The row "Use" fills (1-based), said in the help line. */
  rowNumber: number;
  /** The help line where "Use" does something else than fill a row (the board confirms it). */
  help?: (timeZone: string) => string;
  onUse: (choice: ProposalChoice) => void;
  /** "Use crew": one choice per member, in the crew's order, all with the same start. */
  onUseCrew: (choices: ProposalChoice[]) => void;
}) {
  const { t, i18n } = useTranslation('serviceRequests');
  const headingId = useId();
  const proposals = useRequestProposals(requestId);
  const answer = proposals.data;
  const timeZone = answer?.job.timeZone;
  const formats = useMemo(
    () => (timeZone ? zonedFormats(i18n.language, timeZone) : undefined),
    [i18n.language, timeZone],
  );

  let body;
  if (proposals.isPending) {
    body = (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t('proposals.loading')}</Text>
      </Group>
    );
  } else if (proposals.isError) {
    const { error } = proposals;
    const detail = error instanceof ApiProblemError ? (error.detail ?? error.title) : undefined;
    body = (
      <Alert color="red" title={t('proposals.errorTitle')} data-testid="proposals-error">
        {detail && (
          <Text size="sm" data-testid="proposals-error-detail">
            {detail}
          </Text>
        )}
        <Text size="sm">{t('proposals.errorBody')}</Text>
        <Button
          variant="default"
          size="compact-sm"
          mt="xs"
          loading={proposals.isFetching}
          onClick={() => void proposals.refetch()}
        >
          {t('proposals.retry')}
        </Button>
      </Alert>
    );
  } else if (answer && formats) {
    const proposed = answer.proposals.filter(isProposed);
    const excluded = answer.proposals.filter((proposal) => !isProposed(proposal));
    const { job } = answer;
    const use = (proposal: Proposed) => (slot: ProposedSlotView) =>
      onUse({
        technicianCode: proposal.technicianCode,
        start: localInputValueOf(slot.start),
        durationMinutes: job.durationMinutes,
      });
    const takeCrew = (crew: CrewProposalView) => {
      const start = localInputValueOf(crew.start);
      onUseCrew(
        crew.members.map((member) => ({
          technicianCode: member.technicianCode,
          start,
          durationMinutes: job.durationMinutes,
        })),
      );
    };
    const horizonDays = Math.max(
      1,
      Math.round((Date.parse(job.horizonEnd) - Date.parse(job.notBefore)) / DAY_MS),
    );
    body = (
      <>
        <Text size="xs" c="dimmed">
          {help ? help(formats.timeZone) : t('proposals.help', { timeZone: formats.timeZone, n: rowNumber })}
        </Text>
        {proposed.length === 0 ? (
          <Text size="sm" data-testid="proposals-empty">
            {answer.crews.length > 0
              ? t('proposals.emptyButCrews', { count: horizonDays })
              : t('proposals.empty', { count: horizonDays })}
          </Text>
        ) : (
          <PlainList testId="proposals-list">
            {proposed.map((proposal) => (
              <li key={proposal.technicianCode} data-technician={proposal.technicianCode}>
                <ProposalCard
                  proposal={proposal}
                  slot={proposal.slot}
                  formats={formats}
                  onUse={use(proposal)}
                />
              </li>
            ))}
          </PlainList>
        )}
        <CrewsSection
          crews={answer.crews}
          formats={formats}
          defaultOpen={proposed.length === 0}
          onUse={takeCrew}
        />
        <ExcludedTechnicians excluded={excluded} formats={formats} />
      </>
    );
  }

  return (
    <Stack component="section" gap="xs" aria-labelledby={headingId} data-testid="proposals-panel">
      <Title order={3} size="h4" id={headingId}>
        {t('proposals.title')}
      </Title>
      {body}
    </Stack>
  );
}
