import type { RescheduleBody, ServiceRequestDetail } from '@fieldstream/api-contract';
import { serviceRequestPaths } from '@fieldstream/api-contract';
import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { slotProblemsOf, type SlotProblem } from '../commands/slot-problems-of';
import { instantOfLocalInput } from '../format/instant-of-local-input';
import { localInputValueOf } from '../format/local-input-value-of';
import { useFormatters } from '../format/use-formatters';
import { useDisplacement } from '../hooks/use-displacement';
import { useRequestCommand } from '../hooks/use-request-command';
import { CommandProblemAlert } from './command-problem-alert';
import { ScheduleConflictNotice } from './schedule-conflict-notice';
import { TechnicianDayAgenda } from './technician-day-agenda';

/** Moves one technician's appointment to another start or length; an emergency may displace others. */
export function RescheduleForm({
  request,
  onCancel,
  onDone,
}: {
  request: ServiceRequestDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  const mutation = useRequestCommand(request.id);
  const displacement = useDisplacement();
  const first = request.assignments[0];
  const [technicianCode, setTechnicianCode] = useState<string | null>(first?.technicianCode ?? null);
  const [start, setStart] = useState(first ? localInputValueOf(first.start) : '');
  const [durationMinutes, setDurationMinutes] = useState<number | string>(first?.durationMinutes ?? 60);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Partial<Record<string, SlotProblem>>>({});
  const serverErrors = fieldErrorsByPath(mutation.error);
  const errorOf = (path: string) =>
    serverErrors[path] ?? (problems[path] ? t(`form.problems.${problems[path]}`) : undefined);
  const slotChanged = () => {
    setProblems({});
    displacement.reset();
    mutation.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...slotProblemsOf(start, durationMinutes),
      ...(technicianCode ? {} : { technicianCode: 'required' as const }),
    };
    setProblems(found);
    const instant = instantOfLocalInput(start);
    if (Object.keys(found).length > 0 || !technicianCode || !instant) return;
    const body: RescheduleBody = {
      start: instant,
      durationMinutes: Number(durationMinutes),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(displacement.instructions.length > 0 ? { displace: displacement.instructions } : {}),
    };
    mutation.mutate(
      {
        method: 'PUT',
        path: apiPathOf(serviceRequestPaths.assignment(request.id, technicianCode)),
        body,
        version: request.version,
      },
      { onSuccess: onDone, onError: (error) => displacement.record(error) },
    );
  };

  const instant = instantOfLocalInput(start);
  const minutes = Number(durationMinutes);
  const end =
    instant && Number.isInteger(minutes) && minutes > 0
      ? new Date(Date.parse(instant) + minutes * 60_000).toISOString()
      : undefined;
  return (
    <form noValidate onSubmit={submit} aria-label={t('commands.reschedule.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('commands.reschedule.help')}</Text>
        <CommandProblemAlert
          error={mutation.error}
          placed={(path) => ['start', 'durationMinutes', 'reason'].includes(path)}
        />
        <ScheduleConflictNotice displacement={displacement} />
        <Select
          label={t('fields.technicianCode')}
          required
          data-autofocus
          data={request.assignments.map((assignment) => ({
            value: assignment.technicianCode,
            label: `${assignment.technicianName ?? assignment.technicianCode} · ${format.range(assignment.start, assignment.end)}`,
          }))}
          value={technicianCode}
          error={errorOf('technicianCode')}
          allowDeselect={false}
          onChange={(next) => {
            const assignment = request.assignments.find((a) => a.technicianCode === next);
            setTechnicianCode(next);
            if (assignment) {
              setStart(localInputValueOf(assignment.start));
              setDurationMinutes(assignment.durationMinutes);
            }
            slotChanged();
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('fields.start')}
            required
            value={start}
            error={errorOf('start')}
            onChange={(event) => {
              setStart(event.currentTarget.value);
              slotChanged();
            }}
          />
          <NumberInput
            label={t('fields.durationMinutes')}
            required
            min={1}
            step={15}
            allowDecimal={false}
            value={durationMinutes}
            error={errorOf('durationMinutes')}
            onChange={(next) => {
              setDurationMinutes(next);
              slotChanged();
            }}
          />
        </SimpleGrid>
        <TextInput
          label={t('fields.reason')}
          value={reason}
          error={errorOf('reason')}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {technicianCode && instant && (
          <TechnicianDayAgenda technicianCode={technicianCode} start={instant} end={end} />
        )}
        <DialogActions
          cancelLabel={t('form.cancel')}
          onCancel={onCancel}
          confirmLabel={
            displacement.detail !== null && displacement.emergency
              ? t('assign.confirmDisplacing')
              : t('commands.reschedule.confirm')
          }
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
