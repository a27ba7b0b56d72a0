import {
  Badge,
  Button,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useKindForm } from '../hooks/use-kind-form';
import { useMasterDataKinds } from '../hooks/use-master-data-kinds';
import { useRecordList } from '../hooks/use-record-list';
import type { StatusFilter } from '../types/master-data-types';
import { columnValue } from './column-value';

const PAGE_SIZE = 25;

/** Any kind's records: search, status filter, paging; a row opens its record. */
export function RecordListPage() {
  const { plural = '' } = useParams();
  const { t } = useTranslation('masterData');
  const navigate = useNavigate();
  const kinds = useMasterDataKinds();
  const access = kinds.data?.find((kind) => kind.plural === plural);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [page, setPage] = useState(1);
  const list = useRecordList(plural, { q, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const title = access ? t(`kinds.${access.kind}.plural`) : plural;
  useDocumentTitle(`${title} · Fieldstream`);
  const columns = access?.columns ?? [];
  // Columns holding a closed list's values (a rule's topic, its channels) show them by name.
  const form = useKindForm(plural);
  const named = new Set(
    (form?.specs ?? [])
      .filter((spec) => spec.type === 'enum' || (spec.type === 'tags' && spec.options))
      .map((spec) => spec.name),
  );
  const optionName = (value: string) => t(`options.${value}`, { defaultValue: value });
  const total = list.data?.total ?? 0;
  const open = (code: string) => navigate(`/app/md/${plural}/${encodeURIComponent(code)}`);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {title}
        </Title>
        {access && access.write !== 'none' && (
          <Button component={Link} to={`/app/md/${plural}/new`}>
            {t('list.new')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md">
        <TextInput
          type="search"
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="status-filter-label">
            {t('list.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="status-filter-label"
            value={status}
            onChange={(value) => {
              setStatus(value as StatusFilter);
              setPage(1);
            }}
            data={(['active', 'retired', 'all'] as const).map((value) => ({
              value,
              label: t(`status.${value}`),
            }))}
          />
        </div>
      </Group>
      {list.error && <ProblemAlert error={list.error} />}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t('list.total', { count: total })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.code')}</Table.Th>
              {columns.map((column) => (
                <Table.Th scope="col" key={column}>
                  {t(`fields.${column.split('.').pop() ?? column}`, { defaultValue: column })}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('list.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((item) => (
              <Table.Tr key={item.code} onClick={() => open(item.code)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {/* The link makes every row reachable by keyboard; the row click is a mouse shortcut. */}
                  <Link
                    to={`/app/md/${plural}/${encodeURIComponent(item.code)}`}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {item.code}
                  </Link>
                </Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column}>
                    {columnValue(
                      item.record,
                      column,
                      t('list.yes'),
                      t('list.no'),
                      named.has(column) ? optionName : undefined,
                    )}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Badge color={item.status === 'active' ? 'teal.9' : 'gray.7'} variant="filled">
                    {t(`status.${item.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.items.length === 0 && <Text size="sm">{t('list.empty')}</Text>}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`list.page.${control}`) })}
          getItemProps={(number) => ({ 'aria-label': t('list.page.number', { number }) })}
        />
      )}
    </Stack>
  );
}
