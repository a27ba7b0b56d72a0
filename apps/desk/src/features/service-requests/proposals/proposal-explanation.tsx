import type { ProposedSlotView, TechnicianProposalView } from '@fieldstream/api-contract';
import { Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { referenceOf } from '../format/reference-of';
import { PlainList } from './plain-list';
import { criterionValueText, materialLineText, skillText, travelText } from './proposal-texts';
import { DeadlineBadge, UseSlotButton } from './slot-controls';
import type { ZonedFormats } from './zoned-formats';

/**
 * Why a technician is proposed where they are: each criterion's value, score, weight and points,
 * the skills matched, the materials, the later starts (each one can be taken too) and what an
 * earlier start would take.
 */
export function ProposalExplanation({
  id,
  proposal,
  formats,
  onUse,
}: {
  id: string;
  proposal: TechnicianProposalView;
  formats: ZonedFormats;
  /** Absent: read-only (a what-if). */
  onUse?: (slot: ProposedSlotView) => void;
}) {
  const { t } = useTranslation('serviceRequests');
  const { name, score, counterfactual } = proposal;
  const moving = counterfactual?.ifMoves;
  const reference = moving?.requestId ? referenceOf(moving.requestId) : undefined;
  const what =
    moving && reference && !moving.label.includes(reference)
      ? `${reference} (${moving.label})`
      : moving?.label;
  return (
    <Stack id={id} gap="xs" mt="xs" data-testid="proposal-explanation">
      {score && (
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="score-table">
            <Table.Caption>{t('proposals.scoreCaption', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('proposals.columns.criterion')}</Table.Th>
                <Table.Th scope="col">{t('proposals.columns.value')}</Table.Th>
                <Table.Th scope="col">{t('proposals.columns.score')}</Table.Th>
                <Table.Th scope="col">{t('proposals.columns.weight')}</Table.Th>
                <Table.Th scope="col">{t('proposals.columns.points')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {score.criteria.map((line) => (
                <Table.Tr key={line.criterion} data-criterion={line.criterion}>
                  <Table.Th scope="row" fw={500}>
                    {t(`proposals.criterion.${line.criterion}`)}
                  </Table.Th>
                  <Table.Td>{criterionValueText(line, t, formats)}</Table.Td>
                  <Table.Td>{formats.number(line.score)}</Table.Td>
                  <Table.Td>{formats.number(line.weight)}</Table.Td>
                  <Table.Td>{formats.number(line.points)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('proposals.total')}
                </Table.Th>
                <Table.Td fw={600}>{formats.number(score.total)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={5}>{t('proposals.skillsTitle')}</Title>
      {proposal.skills.length === 0 ? (
        <Text size="sm">{t('proposals.noSkills')}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {proposal.skills.map((skill) => (
            <List.Item key={skill.skillCode}>{skillText(skill, t, formats)}</List.Item>
          ))}
        </List>
      )}

      {proposal.materials.lines.length > 0 && (
        <>
          <Title order={5}>{t('proposals.materialsTitle')}</Title>
          <List size="sm" spacing={2}>
            {proposal.materials.lines.map((line) => (
              <List.Item key={line.itemCode}>{materialLineText(line, t, formats)}</List.Item>
            ))}
          </List>
        </>
      )}

      <Title order={5}>{t('proposals.alternativesTitle')}</Title>
      {proposal.alternatives.length === 0 ? (
        <Text size="sm">{t('proposals.noAlternatives')}</Text>
      ) : (
        <PlainList gap={4} testId="alternatives">
          {proposal.alternatives.map((slot) => (
            <li key={slot.start}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={500}>
                  {formats.dayTime(slot.start)}
                </Text>
                <DeadlineBadge withinDeadline={slot.withinDeadline} />
                <Text size="sm">{travelText(slot, t, formats)}</Text>
                <UseSlotButton name={name} slot={slot} formats={formats} onUse={onUse} />
              </Group>
            </li>
          ))}
        </PlainList>
      )}

      {counterfactual && what && (
        <Text size="sm" data-testid="counterfactual">
          {t('proposals.counterfactual', { when: formats.dayTime(counterfactual.start), what })}
        </Text>
      )}
    </Stack>
  );
}
