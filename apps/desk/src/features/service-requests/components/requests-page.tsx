import { Button, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';
import { useRequestListFilters } from '../hooks/use-request-list-filters';
import { useServiceRequestList } from '../hooks/use-service-request-list';
import { PAGE_SIZE } from '../list/page-size';
import { RequestFilters } from './request-filters';
import { RequestsTable } from './requests-table';
import { ShortcutsHelp } from './shortcuts-help';

/** `/app/requests`: the dispatcher's to-do list, filtered through the URL, live without polling. */
export function RequestsPage() {
  const { t } = useTranslation('serviceRequests');
  useDocumentTitle(`${t('list.title')} · Fieldstream`);
  const navigate = useNavigate();
  const { filters, update } = useRequestListFilters();
  const list = useServiceRequestList(filters);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(-1);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const current = selected < items.length ? selected : -1;

  const move = (delta: number) => {
    if (items.length === 0) return;
    const next =
      current < 0
        ? delta > 0
          ? 0
          : items.length - 1
        : Math.min(Math.max(current + delta, 0), items.length - 1);
    setSelected(next);
    tableRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"] a`)?.focus();
  };
  const openSelected = () => {
    const request = items[current];
    if (request) navigate(`/app/requests/${encodeURIComponent(request.id)}`);
  };
  useKeyboardShortcuts({
    n: () => navigate('/app/requests/new'),
    '/': () => searchRef.current?.focus(),
    j: () => move(1),
    k: () => move(-1),
    Enter: openSelected,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} fz="h2">
          {t('list.title')}
        </Title>
        <Group gap="xs">
          <ShortcutsHelp shortcuts={['new', 'search', 'move', 'open']} />
          <Button component={Link} to="/app/requests/new" aria-keyshortcuts="n">
            {t('list.new')}
          </Button>
        </Group>
      </Group>
      <RequestFilters filters={filters} onChange={update} searchRef={searchRef} />
      {list.error && <ProblemAlert error={list.error} />}
      <Group gap="xs">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {list.data ? t('list.total', { count: total }) : t('list.loading')}
        </Text>
        {list.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      {/* Tabbing onto a row moves the j/k selection there too. */}
      <div
        ref={tableRef}
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest('[data-row-index]');
          if (row) setSelected(Number(row.getAttribute('data-row-index')));
        }}
      >
        <RequestsTable
          requests={items}
          selected={current}
          caption={t('list.caption')}
          now={list.dataUpdatedAt || Date.now()}
        />
      </div>
      {list.data && items.length === 0 && <Text size="sm">{t('list.empty')}</Text>}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={filters.page}
          onChange={(page) => update({ page })}
          getControlProps={(control) => ({ 'aria-label': t(`list.page.${control}`) })}
          getItemProps={(number) => ({ 'aria-label': t('list.page.number', { number }) })}
        />
      )}
    </Stack>
  );
}
