import type { AgendaEntry } from '@fieldstream/api-contract';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { RecordSearchMultiSelect } from '../../../shared/components/record-search-multi-select';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import classes from '../calendar/agenda-calendar.module.css';
import { agendaEvents } from '../calendar/agenda-events';
import { isSuspendedEntry } from '../calendar/is-suspended-entry';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';
import { useMasterRecord } from '../hooks/use-master-record';
import { useTechnicianAgendas } from '../hooks/use-technician-agendas';
import { technicianFiltersFor } from '../list/technician-filters-for';
import { AgendasCalendar } from './agendas-calendar';
import { PriorityLegend } from './priority-legend';
import { ShortcutsHelp } from './shortcuts-help';

/**
 * `/app/agendas`: the appointments of the technicians chosen (found by service centre and zone),
 * for the weeks or days on screen only. The choice lives in the URL, to share or come back to.
 */
export function AgendasPage() {
  const { t, i18n } = useTranslation('serviceRequests');
  useDocumentTitle(`${t('agendas.title')} · Fieldstream`);
  const navigate = useNavigate();
  useKeyboardShortcuts({ n: () => navigate('/app/requests/new') });
  const [params, setParams] = useSearchParams();
  const technicians = useMemo(() => params.getAll('technician'), [params]);
  const unitCode = params.get('unitCode');
  const zoneCode = params.get('zoneCode');
  const choose = (change: { unitCode?: string | null; zoneCode?: string | null; technicians?: string[] }) => {
    const next = new URLSearchParams();
    const unit = change.unitCode === undefined ? unitCode : change.unitCode;
    const zone = change.zoneCode === undefined ? zoneCode : change.zoneCode;
    if (unit) next.set('unitCode', unit);
    if (zone) next.set('zoneCode', zone);
    for (const code of change.technicians ?? technicians) next.append('technician', code);
    setParams(next);
  };

  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const onRange = useCallback((start: Date, end: Date) => {
    const next = { from: start.toISOString(), to: end.toISOString() };
    setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  }, []);
  const { agendas, error, fetching } = useTechnicianAgendas(technicians, range);
  const events = useMemo(
    () =>
      agendaEvents(agendas, {
        title: (entry: AgendaEntry, technician) =>
          [
            technician ? `${technician}:` : '',
            entry.request?.reference ?? '',
            entry.request ? `· ${entry.request.customerName ?? entry.request.customerCode}` : '',
            isSuspendedEntry(entry) ? `(${t('agendas.suspended')})` : '',
          ]
            .filter(Boolean)
            .join(' '),
        nameTechnician: technicians.length > 1,
        suspendedClassName: classes.suspended ?? '',
      }),
    [agendas, technicians.length, t],
  );
  const zone = useMasterRecord('zones', zoneCode);
  const zoneUnit =
    zone.data && typeof zone.data.record['unitCode'] === 'string' ? zone.data.record['unitCode'] : null;
  const technicianWhere = technicianFiltersFor(unitCode, zoneCode, zoneUnit);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('agendas.title')}
        </Title>
        <ShortcutsHelp shortcuts={['new']} />
      </Group>
      <Group align="flex-end" wrap="wrap" role="search" aria-label={t('agendas.filters')}>
        <RecordSearchSelect
          plural="units"
          label={t('list.unit')}
          placeholder={t('list.any')}
          value={unitCode}
          onChange={(unit) => choose({ unitCode: unit, zoneCode: null })}
          w={220}
        />
        <RecordSearchSelect
          plural="zones"
          label={t('list.zone')}
          placeholder={t('list.any')}
          value={zoneCode}
          where={unitCode ? { unitCode } : {}}
          onChange={(zone) => choose({ zoneCode: zone })}
          w={220}
        />
        <RecordSearchMultiSelect
          plural="technicians"
          label={t('agendas.technicians')}
          value={technicians}
          where={technicianWhere}
          onChange={(codes) => choose({ technicians: codes })}
          w={420}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {technicians.length === 0
          ? t('agendas.pickFirst')
          : fetching
            ? t('agendas.loading')
            : t('agendas.count', { count: events.length })}
      </Text>
      {error && <ProblemAlert error={error} />}
      <PriorityLegend />
      <Paper withBorder p="sm" radius="md">
        <AgendasCalendar
          events={events}
          language={i18n.language}
          todayText={t('agendas.today')}
          onRange={onRange}
        />
      </Paper>
    </Stack>
  );
}
