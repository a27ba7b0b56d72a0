import type { ServiceRequestSummary } from '@fieldstream/api-contract';
import type { DropInfo, EventDropInfo, EventResizeDoneInfo } from '@fullcalendar/react';
import { Alert, Box, Button, Drawer, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isConflict } from '../../../shared/api/is-conflict';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { SubscribeCalendarButton } from '../../calendar-feeds/components/subscribe-calendar-button';
import { scheduleConflictOf } from '../../service-requests/commands/schedule-conflict-of';
import { PriorityLegend } from '../../service-requests/components/priority-legend';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { instantOfLocalInput } from '../../service-requests/format/instant-of-local-input';
import { ProposalsPanel, type ProposalChoice } from '../../service-requests/proposals/proposals-panel';
import { boardMoveOf } from '../board/board-move-of';
import { currentWeek } from '../board/current-week';
import { boardTimelineInput, type BoardEventProps } from '../board/board-timeline-input';
import { PartlyAppliedError, useBoardCommand } from '../hooks/use-board-command';
import { useDispatchBoard } from '../hooks/use-dispatch-board';
import type { BoardCall } from '../types/board-call';
import type { BoardFilters } from '../types/board-filters';
import type { PendingGesture } from '../types/pending-gesture';
import { BoardFilterBar } from './board-filters';
import { BoardGestureDialog } from './board-gesture-dialog';
import { BoardTimeline } from './board-timeline';
import timelineClasses from '../../service-requests/calendar/agenda-calendar.module.css';
import { WhatIfDrawer } from '../what-if/what-if-drawer';
import { PushedAsideList } from './pushed-aside-list';
import { ToDispatchList, droppedRequestOf } from './to-dispatch-list';

type Notice = { kind: 'done'; text: string } | { kind: 'refused'; text: string; error?: unknown };

const plus = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

/**
 * `/app/board`: the dispatch board. Technicians of the chosen centre, zone or skill as rows over a
 * day or a week; the requests waiting for a technician beside them. Drag a request onto a row and
 * time to assign it; drag an appointment to move it or give it to someone else; stretch it to
 * change its length. A slot already taken opens the emergency path with its impact preview. "Who
 * can?" opens the proposals with their reasons; a proposal or a crew is confirmed in one click.
 * "What if…?" asks the same of a job that is not a request yet.
 * Another dispatcher's change shows by itself (the live notices refresh the board).
 */
export function DispatchBoardPage() {
  const { t, i18n } = useTranslation('dispatchBoard');
  useDocumentTitle(`${t('title')} · Fieldstream`);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters: BoardFilters = useMemo(
    () => ({
      unitCode: params.get('unitCode'),
      zoneCode: params.get('zoneCode'),
      skillCode: params.get('skillCode'),
    }),
    [params],
  );
  const changeFilters = (change: Partial<BoardFilters>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) search.set(name, value);
    setParams(search);
  };

  const [range, setRange] = useState<{ from: string; to: string } | null>(() => currentWeek(new Date()));
  const onRange = useCallback((start: Date, end: Date) => {
    const next = { from: start.toISOString(), to: end.toISOString() };
    setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  }, []);
  const board = useDispatchBoard(range, filters);
  const { resources, events } = useMemo(
    () =>
      board.data
        ? boardTimelineInput(board.data, {
            title: (appointment) =>
              [
                appointment.request?.reference ?? t('busy'),
                appointment.request?.customerName ? `· ${appointment.request.customerName}` : '',
                appointment.request && appointment.request.crew.length > 0
                  ? `(${t('crewWith', { codes: appointment.request.crew.join(', ') })})`
                  : '',
              ]
                .filter(Boolean)
                .join(' '),
            suspendedClassName: timelineClasses.suspended ?? '',
          })
        : { resources: [], events: [] },
    [board.data, t],
  );
  const names = useMemo(
    () => new Map(board.data?.technicians.map((tech) => [tech.code, tech.name])),
    [board.data],
  );
  const pushedAside = useMemo(
    () =>
      (board.data?.appointments ?? []).filter(
        (appointment) => appointment.status === 'suspended' && appointment.request?.status === 'assigned',
      ),
    [board.data],
  );
  const nameOf = useCallback((code: string) => names.get(code) ?? code, [names]);

  const command = useBoardCommand();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [gesture, setGesture] = useState<PendingGesture | null>(null);
  const [whatIfOpen, setWhatIfOpen] = useState(false);
  const [selected, setSelected] = useState<{
    request: ServiceRequestSummary;
    durationMinutes: number;
  } | null>(null);

  /** Sends a gesture; a taken slot opens the emergency dialog, anything else is said plainly. */
  const send = useCallback(
    (pending: PendingGesture, revert?: () => void) => {
      setNotice(null);
      command.mutate(pending.callWith([]), {
        onSuccess: () => setNotice({ kind: 'done', text: pending.summary }),
        onError: (error) => {
          revert?.();
          if (scheduleConflictOf(error)) {
            setGesture({ ...pending, conflict: error });
          } else if (error instanceof PartlyAppliedError) {
            setNotice({
              kind: 'refused',
              text: t('notice.partly', { summary: pending.summary }),
              error: error.cause,
            });
          } else if (isConflict(error)) {
            setNotice({ kind: 'refused', text: t('notice.stale', { summary: pending.summary }), error });
          } else {
            setNotice({ kind: 'refused', text: t('notice.refused', { summary: pending.summary }), error });
          }
        },
      });
    },
    [command, t],
  );

  const assignGesture = useCallback(
    (
      request: { requestId: string; version: number; reference: string },
      slots: { technicianCode: string; start: string; durationMinutes: number }[],
    ): PendingGesture => {
      const first = slots[0]!;
      const summary = t(slots.length > 1 ? 'summary.crew' : 'summary.assign', {
        reference: request.reference,
        who: slots.map((slot) => nameOf(slot.technicianCode)).join(' + '),
        range: format.range(first.start, plus(new Date(first.start), first.durationMinutes).toISOString()),
      });
      const bodyWith = (displace: readonly { appointmentId: string; action: 'suspend' | 'remove' }[]) => ({
        assignments: slots,
        ...(displace.length > 0 ? { displace: [...displace] } : {}),
      });
      return {
        summary,
        requestId: request.requestId,
        callWith: (displace): BoardCall => ({
          requestId: request.requestId,
          version: request.version,
          steps: [{ kind: 'assign', body: bodyWith(displace) }],
        }),
        impactBodyWith: bodyWith,
      };
    },
    [format, nameOf, t],
  );

  const onDropRequest = useCallback(
    (info: DropInfo) => {
      const dropped = droppedRequestOf(info.draggedEl);
      const technicianCode = info.resource?.id;
      if (!dropped || !technicianCode) return;
      send(
        assignGesture(dropped, [
          { technicianCode, start: info.date.toISOString(), durationMinutes: dropped.durationMinutes },
        ]),
      );
    },
    [assignGesture, send],
  );

  const moveGesture = useCallback(
    (props: BoardEventProps, to: string, start: Date, end: Date): PendingGesture => {
      const reference = props.reference ?? props.requestId;
      const summary =
        to === props.technicianCode
          ? t('summary.move', {
              reference,
              who: nameOf(to),
              range: format.range(start.toISOString(), end.toISOString()),
            })
          : t('summary.reassign', {
              reference,
              from: nameOf(props.technicianCode),
              who: nameOf(to),
              range: format.range(start.toISOString(), end.toISOString()),
            });
      const move = (displace: readonly { appointmentId: string; action: 'suspend' | 'remove' }[]) =>
        boardMoveOf({
          requestId: props.requestId,
          version: props.version ?? 0,
          fromTechnicianCode: props.technicianCode,
          toTechnicianCode: to,
          start,
          end,
          displace,
          reason: t('moveReason'),
        });
      return {
        summary,
        requestId: props.requestId,
        callWith: move,
        impactBodyWith: (displace) => ({
          assignments: [
            {
              technicianCode: to,
              start: start.toISOString(),
              durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
            },
          ],
          ...(displace.length > 0 ? { displace: [...displace] } : {}),
        }),
      };
    },
    [format, nameOf, t],
  );

  const onMove = useCallback(
    (info: EventDropInfo | EventResizeDoneInfo) => {
      const props = info.event.extendedProps as BoardEventProps;
      const start = info.event.start;
      const end = info.event.end;
      if (!start || !end || props.version === undefined) return info.revert();
      const to = ('newResource' in info && info.newResource?.id) || props.technicianCode;
      send(moveGesture(props, to, start, end), info.revert);
    },
    [moveGesture, send],
  );

  const takeProposal = (choices: ProposalChoice[]) => {
    if (!selected) return;
    const slots = choices.map((choice) => ({
      technicianCode: choice.technicianCode,
      start: instantOfLocalInput(choice.start) ?? choice.start,
      durationMinutes: choice.durationMinutes,
    }));
    setGesture(
      assignGesture(
        {
          requestId: selected.request.id,
          version: selected.request.version,
          reference: selected.request.reference,
        },
        slots,
      ),
    );
  };

  const technicianCount = board.data?.technicians.length ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('title')}
        </Title>
        <Group gap="sm">
          <Button variant="default" onClick={() => setWhatIfOpen(true)}>
            {t('whatIf.open')}
          </Button>
          <SubscribeCalendarButton
            chooseUnit
            scope={filters.unitCode ? { kind: 'unit', code: filters.unitCode } : null}
          />
          <PriorityLegend />
        </Group>
      </Group>
      <BoardFilterBar filters={filters} onChange={changeFilters} />
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="board-count">
        {board.data
          ? t('count', {
              technicians: format.number(technicianCount),
              appointments: format.number(board.data.appointments.length),
              count: board.data.appointments.length,
            })
          : t('loading')}
      </Text>
      {board.data?.truncated && (
        <Alert color="orange" variant="outline">
          {t('truncated', { count: technicianCount })}
        </Alert>
      )}
      {board.error && <ProblemAlert error={board.error} />}
      {notice && (
        <Alert
          color={notice.kind === 'done' ? 'teal' : 'red'}
          variant="outline"
          role={notice.kind === 'done' ? 'status' : 'alert'}
          data-testid="board-notice"
          withCloseButton
          closeButtonLabel={t('notice.dismiss')}
          onClose={() => setNotice(null)}
        >
          <Text size="sm">
            {notice.kind === 'done' ? t('notice.done', { summary: notice.text }) : notice.text}
          </Text>
          {notice.kind === 'refused' && notice.error !== undefined && <ProblemAlert error={notice.error} />}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <ToDispatchList
            filters={filters}
            selectedId={selected?.request.id ?? null}
            onSelect={(request, durationMinutes) => setSelected({ request, durationMinutes })}
          >
            <PushedAsideList appointments={pushedAside} nameOf={nameOf} />
          </ToDispatchList>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Paper withBorder p="xs" radius="md">
            <BoardTimeline
              resources={resources}
              events={events}
              language={i18n.language}
              todayText={t('today')}
              resourceHeading={t('technicians')}
              onRange={onRange}
              onDropRequest={onDropRequest}
              onMove={onMove}
              onResize={onMove}
            />
          </Paper>
        </Grid.Col>
      </Grid>
      <Drawer
        opened={selected !== null}
        onClose={() => setSelected(null)}
        position="right"
        size="lg"
        title={selected ? t('proposalsTitle', { reference: selected.request.reference }) : ''}
        closeButtonProps={{ 'aria-label': t('notice.dismiss') }}
      >
        {selected && (
          <Box data-testid="board-proposals">
            <ProposalsPanel
              requestId={selected.request.id}
              rowNumber={1}
              help={(timeZone) => t('proposalsHelp', { timeZone })}
              onUse={(choice) => takeProposal([choice])}
              onUseCrew={takeProposal}
            />
          </Box>
        )}
      </Drawer>
      <WhatIfDrawer opened={whatIfOpen} onClose={() => setWhatIfOpen(false)} />
      <BoardGestureDialog
        gesture={gesture}
        command={command}
        onClose={() => setGesture(null)}
        onApplied={(summary) => {
          setNotice({ kind: 'done', text: summary });
          setSelected(null);
        }}
      />
    </Stack>
  );
}
