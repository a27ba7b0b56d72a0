import type { TechnicianProposalView } from '@fieldstream/api-contract';
import { Button, List, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exclusionText } from './exclusion-text';
import { PlainList } from './plain-list';
import type { ZonedFormats } from './zoned-formats';

/** Who cannot do the job and why, worded in the reader's language; collapsed until asked for. */
export function ExcludedTechnicians({
  excluded,
  formats,
}: {
  excluded: readonly TechnicianProposalView[];
  formats: ZonedFormats;
}) {
  const { t } = useTranslation('serviceRequests');
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (excluded.length === 0) return null;
  return (
    <div data-testid="excluded-technicians">
      <Title order={4} size="h5">
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          leftSection={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
          onClick={() => setOpen((was) => !was)}
        >
          {t('proposals.excluded', { count: excluded.length })}
        </Button>
      </Title>
      {open && (
        <PlainList id={listId} mt={4} testId="excluded-list">
          {excluded.map((proposal) => (
            <li key={proposal.technicianCode} data-technician={proposal.technicianCode}>
              <Text size="sm" fw={600}>
                {t('proposals.technician', { name: proposal.name, code: proposal.technicianCode })}
              </Text>
              <List size="sm" withPadding>
                {proposal.exclusions.map((exclusion, index) => (
                  <List.Item key={`${exclusion.code}-${index}`}>
                    {exclusionText(exclusion, t, formats)}
                  </List.Item>
                ))}
              </List>
            </li>
          ))}
        </PlainList>
      )}
    </div>
  );
}
