import type { ServiceRequestSummary } from '@fieldstream/api-contract';
import { Draggable } from '@fullcalendar/react/interaction';
import { Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { PriorityBadge } from '../../service-requests/components/priority-badge';
import { useServiceRequestList } from '../../service-requests/hooks/use-service-request-list';
import type { BoardFilters } from '../types/board-filters';

/** The lengths a request can be dropped with; resized on the board afterwards if need be. */
const DROP_DURATIONS = ['30', '60', '90', '120', '180', '240'] as const;

/** What a card carries into the drop: read back by the board's `drop` handler. */
export const REQUEST_CARD_ATTRIBUTE = 'data-board-request';

export interface DroppedRequest {
  requestId: string;
  version: number;
  reference: string;
  durationMinutes: number;
}

/** The request a dragged card stands for (its data attributes), or undefined for anything else. */
export function droppedRequestOf(element: HTMLElement): DroppedRequest | undefined {
  const requestId = element.getAttribute(REQUEST_CARD_ATTRIBUTE);
  const version = Number(element.dataset['version']);
  const durationMinutes = Number(element.dataset['duration']);
  if (!requestId || !Number.isInteger(version) || !Number.isInteger(durationMinutes)) return undefined;
  return { requestId, version, reference: element.dataset['reference'] ?? requestId, durationMinutes };
}

/**
 * The requests waiting for a technician (accepted, unassigned), most urgent first, in the board's
 * centre and zone. Each card is dragged onto a technician's row and time to assign it, or opened
 * for the proposals ("Who can?").
 */
export function ToDispatchList({
  filters,
  selectedId,
  onSelect,
  children,
}: {
  filters: BoardFilters;
  /** Shown under the list: what else waits for the dispatcher (appointments pushed aside). */
  children?: ReactNode;
  selectedId: string | null;
  onSelect(request: ServiceRequestSummary, durationMinutes: number): void;
}) {
  const { t } = useTranslation('dispatchBoard');
  const headingId = useId();
  const [q, setQ] = useState('');
  const [duration, setDuration] = useState<string>('60');
  const list = useServiceRequestList({
    statuses: ['accepted'],
    priorities: [],
    zoneCode: filters.zoneCode,
    unitCode: filters.unitCode,
    source: null,
    q,
    sort: 'priority',
    page: 1,
  });
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const draggable = new Draggable(container.current, {
      itemSelector: `[${REQUEST_CARD_ATTRIBUTE}]`,
      // `create: false`: the board's drop handler assigns it; the event comes back from the server.
      eventData: (element) => {
        const dropped = droppedRequestOf(element);
        return {
          title: dropped?.reference ?? '',
          duration: { minutes: dropped?.durationMinutes ?? 60 },
          create: false,
        };
      },
    });
    return () => draggable.destroy();
  }, []);

  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="h4" id={headingId}>
            {t('toDispatch.title')}
          </Title>
          {list.isFetching && <Loader role="status" size="xs" aria-label={t('toDispatch.loading')} />}
        </Group>
        <TextInput
          size="xs"
          label={t('toDispatch.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        <Select
          size="xs"
          label={t('toDispatch.dropDuration')}
          data={DROP_DURATIONS.map((value) => ({
            value,
            label: t('toDispatch.minutes', { count: Number(value) }),
          }))}
          value={duration}
          onChange={(value) => value && setDuration(value)}
          allowDeselect={false}
        />
        <Text size="xs" c="dimmed" aria-live="polite">
          {list.data ? t('toDispatch.count', { shown: items.length, count: list.data.total }) : ''}
        </Text>
        {list.error && <ProblemAlert error={list.error} />}
        <Text size="xs" c="dimmed">
          {t('toDispatch.hint')}
        </Text>
        <Stack gap={6} ref={container} role="list">
          {items.map((request) => (
            <div
              role="listitem"
              key={request.id}
              {...{ [REQUEST_CARD_ATTRIBUTE]: request.id }}
              data-version={request.version}
              data-reference={request.reference}
              data-duration={duration}
              data-testid="board-request-card"
              style={{ cursor: 'grab' }}
            >
              <Paper
                withBorder
                p={6}
                radius="sm"
                bg={selectedId === request.id ? 'var(--mantine-color-blue-0)' : undefined}
              >
                <Group gap={6} justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {request.reference}
                  </Text>
                  <PriorityBadge priority={request.priority} />
                </Group>
                <Text size="xs" lineClamp={1}>
                  {request.customerName ?? request.customerCode} · {request.siteName ?? request.siteCode}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {request.description}
                </Text>
                <Button
                  size="compact-xs"
                  variant="default"
                  mt={4}
                  aria-label={t('toDispatch.whoCanFor', { reference: request.reference })}
                  onClick={() => onSelect(request, Number(duration))}
                >
                  {t('toDispatch.whoCan')}
                </Button>
              </Paper>
            </div>
          ))}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
