import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { serviceRequestPaths } from '@fieldstream/api-contract';
import {
  Button,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import { assignBodyOf, type AssignProblem } from '../commands/assign-body-of';
import { instantOfLocalInput } from '../format/instant-of-local-input';
import { localInputValueOf } from '../format/local-input-value-of';
import { useDisplacement } from '../hooks/use-displacement';
import { useRequestCommand } from '../hooks/use-request-command';
import { ImpactPreview } from '../impact/impact-preview';
import { ProposalsPanel, type ProposalChoice } from '../proposals/proposals-panel';
import type { AssignmentRowDraft } from '../types/assignment-row-draft';
import { CommandProblemAlert } from './command-problem-alert';
import { ScheduleConflictNotice } from './schedule-conflict-notice';
import { TechnicianDayAgenda } from './technician-day-agenda';

const DEFAULT_MINUTES = 60;

/** The next whole hour on the browser's clock: a sensible first proposal. */
function nextHour(): string {
  const date = new Date();
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return localInputValueOf(date);
}

let rowKeys = 0;
const newRow = (start: string, durationMinutes: number | string = DEFAULT_MINUTES): AssignmentRowDraft => ({
  key: `row-${++rowKeys}`,
  technicianCode: null,
  start,
  durationMinutes,
});

const endOf = (row: AssignmentRowDraft) => {
  const start = instantOfLocalInput(row.start);
  const minutes = Number(row.durationMinutes);
  return start && Number.isInteger(minutes) && minutes > 0
    ? new Date(Date.parse(start) + minutes * 60_000).toISOString()
    : undefined;
};

/**
 * Assign one technician, or a crew with the same start (a synchronized intervention). Beside the
 * rows, the day of the technician being edited. A schedule conflict may be retried as an emergency.
 * Above them, the technicians proposed for the request: "Use" fills the row being edited; "Use this
 * crew" fills one row per member of a proposed crew.
 */
export function AssignForm({
  request,
  onCancel,
  onDone,
}: {
  request: ServiceRequestDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('serviceRequests');
  const mutation = useRequestCommand(request.id);
  const displacement = useDisplacement();
  const [rows, setRows] = useState<AssignmentRowDraft[]>(() => [newRow(nextHour())]);
  const [active, setActive] = useState(0);
  const [problems, setProblems] = useState<Record<string, AssignProblem>>({});
  const serverErrors = fieldErrorsByPath(mutation.error);
  const errorOf = (path: string) =>
    serverErrors[path] ?? (problems[path] ? t(`form.problems.${problems[path]}`) : undefined);

  /** Another technician or slot: the problems and conflicts found for the old ones no longer apply. */
  const edited = () => {
    setProblems({});
    displacement.reset();
    mutation.reset();
  };
  const change = (index: number, next: Partial<AssignmentRowDraft>) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...next } : row)));
    edited();
  };
  /** A proposed crew: one row per member (rows kept where they are, added or removed to fit). */
  const takeCrew = (choices: readonly ProposalChoice[]) => {
    setRows((current) =>
      choices.map((choice, i) => {
        const row = current[i];
        return row ? { ...row, ...choice } : { ...newRow(choice.start), ...choice };
      }),
    );
    setActive((was) => (was < choices.length ? was : 0));
    edited();
  };
  const addRow = () => {
    const first = rows[0];
    // A crew starts together: the new technician gets the first one's start and duration.
    setRows((current) => [...current, newRow(first?.start ?? nextHour(), first?.durationMinutes)]);
    setActive(rows.length);
    displacement.reset();
  };
  const removeRow = (index: number) => {
    setRows((current) => current.filter((_, i) => i !== index));
    setActive(0);
    setProblems({});
    displacement.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = assignBodyOf(rows, displacement.instructions);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    mutation.mutate(
      {
        method: 'POST',
        path: apiPathOf(serviceRequestPaths.assignments(request.id)),
        body: result.body,
        version: request.version,
      },
      { onSuccess: onDone, onError: (error) => displacement.record(error) },
    );
  };

  const current = rows[active] ? active : 0;
  const shown = rows[current];
  const shownStart = shown ? instantOfLocalInput(shown.start) : undefined;
  const conflicted = displacement.detail !== null;
  // While an emergency is ticked: the body confirming would send, for the impact preview.
  const emergencyBody = (() => {
    if (!conflicted || !displacement.emergency) return null;
    const result = assignBodyOf(rows, displacement.instructions);
    return result.ok ? result.body : null;
  })();
  return (
    <form noValidate onSubmit={submit} aria-label={t('commands.assign.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('commands.assign.help')}</Text>
        <CommandProblemAlert error={mutation.error} placed={(path) => path.startsWith('assignments.')} />
        <ScheduleConflictNotice
          displacement={displacement}
          impact={<ImpactPreview requestId={request.id} body={emergencyBody} />}
        />
        <ScrollArea.Autosize mah="45vh" type="auto" offsetScrollbars>
          <ProposalsPanel
            requestId={request.id}
            rowNumber={current + 1}
            onUse={(choice) => change(current, choice)}
            onUseCrew={takeCrew}
          />
        </ScrollArea.Autosize>
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Paper
              key={row.key}
              withBorder
              p="sm"
              radius="md"
              onFocus={() => setActive(index)}
              role="group"
              aria-label={t('assign.row', { n })}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <RecordSearchSelect
                  plural="technicians"
                  label={t('assign.technician', { n })}
                  required
                  autoFocus={index === 0}
                  value={row.technicianCode}
                  error={errorOf(`assignments.${index}.technicianCode`)}
                  onChange={(technicianCode) => {
                    change(index, { technicianCode });
                    setActive(index);
                  }}
                />
                <TextInput
                  type="datetime-local"
                  label={t('assign.start', { n })}
                  required
                  value={row.start}
                  error={errorOf(`assignments.${index}.start`)}
                  onChange={(event) => change(index, { start: event.currentTarget.value })}
                />
                <NumberInput
                  label={t('assign.duration', { n })}
                  required
                  min={1}
                  step={15}
                  allowDecimal={false}
                  value={row.durationMinutes}
                  error={errorOf(`assignments.${index}.durationMinutes`)}
                  onChange={(durationMinutes) => change(index, { durationMinutes })}
                />
              </SimpleGrid>
              {rows.length > 1 && (
                <Group justify="flex-end" mt="xs">
                  <Button variant="default" size="compact-sm" onClick={() => removeRow(index)}>
                    {t('assign.removeRow', { n })}
                  </Button>
                </Group>
              )}
            </Paper>
          );
        })}
        <Group>
          <Button variant="default" size="compact-sm" onClick={addRow} disabled={rows.length >= 10}>
            {t('assign.addRow')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('assign.crewHint')}
          </Text>
        </Group>
        {shown?.technicianCode && shownStart ? (
          <TechnicianDayAgenda technicianCode={shown.technicianCode} start={shownStart} end={endOf(shown)} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('assign.pickToSeeDay')}
          </Text>
        )}
        <DialogActions
          cancelLabel={t('form.cancel')}
          onCancel={onCancel}
          confirmLabel={
            conflicted && displacement.emergency
              ? t('assign.confirmDisplacing')
              : t('commands.assign.confirm')
          }
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
