import type { WhatIfProposalBody } from '@fieldstream/api-contract';
import { Box, Divider, Drawer, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { ProposalsAnswer } from '../../service-requests/proposals/proposals-answer';
import { useWhatIfProposals } from './use-what-if-proposals';
import { WhatIfForm } from './what-if-form';

/**
 * "What if…?": who could restore service, and when, for a job that is not a request yet — a call
 * being taken, a quote, a maintenance round being planned. The same answer as a request's
 * proposals, read-only: there is nothing to assign until the request exists.
 */
export function WhatIfDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('dispatchBoard');
  const headingId = useId();
  const [asked, setAsked] = useState<WhatIfProposalBody | null>(null);
  const answer = useWhatIfProposals(asked);
  const { error } = answer;
  // Field errors go beside their fields; anything else is said above the answer.
  const fieldErrors =
    error instanceof ApiProblemError && error.status === 400 ? fieldErrorsByPath(error) : {};
  const generalError = error && Object.keys(fieldErrors).length === 0 ? error : null;
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('whatIf.title')}
      closeButtonProps={{ 'aria-label': t('notice.dismiss') }}
    >
      <Stack gap="sm" data-testid="what-if">
        <Text size="sm" c="dimmed">
          {t('whatIf.intro')}
        </Text>
        <WhatIfForm errors={fieldErrors} busy={answer.isFetching} onAsk={setAsked} />
        {generalError && <ProblemAlert error={generalError} />}
        {answer.data && (
          <>
            <Divider />
            <Box component="section" aria-labelledby={headingId} data-testid="what-if-answer">
              <Title order={3} size="h4" id={headingId} mb="xs">
                {t('whatIf.answerTitle', { site: answer.data.job.siteCode })}
              </Title>
              <Stack gap="xs">
                <ProposalsAnswer
                  answer={answer.data}
                  help={(timeZone) =>
                    t('whatIf.answerHelp', {
                      timeZone,
                      minutes: answer.data.job.durationMinutes,
                      skills: answer.data.job.requiredSkills
                        .map((skill) => `${skill.skillCode} ≥ ${skill.minLevel}`)
                        .join(', '),
                    })
                  }
                />
              </Stack>
            </Box>
          </>
        )}
      </Stack>
    </Drawer>
  );
}
