import type {
  CrewProposalView,
  ProposalAnswer,
  ProposedSlotView,
  TechnicianProposalView,
} from '@fieldstream/api-contract';
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localInputValueOf } from '../format/local-input-value-of';
import { CrewsSection } from './crews-section';
import { ExcludedTechnicians } from './excluded-technicians';
import { PlainList } from './plain-list';
import { ProposalCard } from './proposal-card';
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
 * One proposals answer as a dispatcher reads it: the proposed technicians, best first, each with
 * "Use" (or one of their later starts); the crews for a synchronized intervention (open when nobody
 * is proposed alone); then, collapsed, those excluded with their reasons. Without `onUse` and
 * `onUseCrew` it only informs: a what-if has no request to assign.
 */
export function ProposalsAnswer({
  answer,
  help,
  onUse,
  onUseCrew,
}: {
  answer: ProposalAnswer;
  /** The line above the list, given the site's zone the times are in. */
  help: (timeZone: string) => string;
  onUse?: (choice: ProposalChoice) => void;
  /** "Use crew": one choice per member, in the crew's order, all with the same start. */
  onUseCrew?: (choices: ProposalChoice[]) => void;
}) {
  const { t, i18n } = useTranslation('serviceRequests');
  const { job } = answer;
  const formats = useMemo(() => zonedFormats(i18n.language, job.timeZone), [i18n.language, job.timeZone]);
  const proposed = answer.proposals.filter(isProposed);
  const excluded = answer.proposals.filter((proposal) => !isProposed(proposal));
  const use =
    onUse &&
    ((proposal: Proposed) => (slot: ProposedSlotView) =>
      onUse({
        technicianCode: proposal.technicianCode,
        start: localInputValueOf(slot.start),
        durationMinutes: job.durationMinutes,
      }));
  const takeCrew =
    onUseCrew &&
    ((crew: CrewProposalView) => {
      const start = localInputValueOf(crew.start);
      onUseCrew(
        crew.members.map((member) => ({
          technicianCode: member.technicianCode,
          start,
          durationMinutes: job.durationMinutes,
        })),
      );
    });
  const horizonDays = Math.max(
    1,
    Math.round((Date.parse(job.horizonEnd) - Date.parse(job.notBefore)) / DAY_MS),
  );
  return (
    <>
      <Text size="xs" c="dimmed">
        {help(formats.timeZone)}
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
                {...(use && { onUse: use(proposal) })}
              />
            </li>
          ))}
        </PlainList>
      )}
      <CrewsSection
        crews={answer.crews}
        formats={formats}
        defaultOpen={proposed.length === 0}
        {...(takeCrew && { onUse: takeCrew })}
      />
      <ExcludedTechnicians excluded={excluded} formats={formats} />
    </>
  );
}
