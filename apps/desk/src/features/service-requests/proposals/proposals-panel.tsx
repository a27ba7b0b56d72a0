import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { type ProposalChoice, ProposalsAnswer } from './proposals-answer';
import { useRequestProposals } from './use-request-proposals';

export type { ProposalChoice } from './proposals-answer';

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
  const { t } = useTranslation('serviceRequests');
  const headingId = useId();
  const proposals = useRequestProposals(requestId);
  const answer = proposals.data;

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
  } else if (answer) {
    body = (
      <ProposalsAnswer
        answer={answer}
        help={(timeZone) => (help ? help(timeZone) : t('proposals.help', { timeZone, n: rowNumber }))}
        onUse={onUse}
        onUseCrew={onUseCrew}
      />
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
