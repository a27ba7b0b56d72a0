import { Alert, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import { agendaEvents } from '../agenda/agenda-events';
import { agendaListRange } from '../agenda/agenda-list-range';
import { parseAgendaView } from '../agenda/parse-agenda-view';
import { sheetLink } from '../agenda/sheet-link';
import { SubscribeCalendarButton } from '../../calendar-feeds/components/subscribe-calendar-button';
import { nameThenCode } from '../api/record-options-of';
import { useAgenda } from '../hooks/use-agenda';
import { useOnlineStatus } from '../hooks/use-online-status';
import { useViewer } from '../hooks/use-viewer';
import { AGENDA_VIEWS, type AgendaView } from '../types/agenda-view';
import { AgendaCalendar } from './agenda-calendar';
import { AgendaList } from './agenda-list';
import { LastUpdated } from './last-updated';
import { OfflineBanner } from './offline-banner';

/**
 * The technician's appointments: a list of today and the next 14 days, or a day, week or month
 * calendar of what it shows. An office user picks whose agenda (`?technician=`). The view is in
 * the address, so coming back from a sheet finds the same one.
 */
export function MyAgendaPage() {
  const { t, i18n } = useTranslation('technician');
  useDocumentTitle(t('agenda.documentTitle'));
  const navigate = useNavigate();
  // Set by the sheet after a renounce: the job has left this agenda, say so once here.
  const notice = (useLocation().state as { notice?: 'renounce' } | null)?.notice;
  const online = useOnlineStatus();
  const viewer = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseAgendaView(searchParams.get('view'));
  // A new list range when the day changes, not on every render (that would be a new query each time).
  const today = new Date().toDateString();
  const listRange = useMemo(() => agendaListRange(new Date(today)), [today]);
  const [calendarRange, setCalendarRange] = useState<{ from: string; to: string } | null>(null);
  const onRange = useCallback((start: Date, end: Date) => {
    const next = { from: start.toISOString(), to: end.toISOString() };
    setCalendarRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  }, []);
  const agenda = useAgenda(viewer.technicianCode, view === 'list' ? listRange : calendarRange);
  const forTechnician = viewer.actsForAnother ? viewer.technicianCode : undefined;
  const events = useMemo(
    () =>
      agendaEvents(agenda.data?.entries ?? [], {
        title: (entry) =>
          entry.request
            ? t('agenda.cardTitle', {
                reference: entry.request.reference,
                customer: entry.request.customerName ?? entry.request.customerCode,
              })
            : t('agenda.unknownRequest'),
        suspended: t('appointment.suspended'),
        url: (entry) => sheetLink(entry.requestId, forTechnician),
      }),
    [agenda.data, t, forTechnician],
  );

  const changeSearch = (changes: Record<string, string | null>) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} fz="h2">
          {!viewer.actsForAnother
            ? t('agenda.heading')
            : viewer.technicianCode
              ? t('agenda.headingOf', { name: agenda.data?.technicianName ?? viewer.technicianCode })
              : t('agenda.headingOffice')}
        </Title>
        <SubscribeCalendarButton
          scope={
            viewer.technicianCode
              ? {
                  kind: 'technician',
                  code: viewer.technicianCode,
                  ...(agenda.data?.technicianName && { name: agenda.data.technicianName }),
                }
              : null
          }
        />
      </Group>
      {!online && <OfflineBanner />}
      {notice && (
        <Alert color="green" role="status" variant="light">
          {t(`done.${notice}`)}
        </Alert>
      )}
      {viewer.actsForAnother && (
        <RecordSearchSelect
          plural="technicians"
          label={t('picker.label')}
          placeholder={t('picker.placeholder')}
          nothingFound={t('picker.nothingFound')}
          labelOf={nameThenCode}
          value={viewer.technicianCode ?? null}
          onChange={(code) => changeSearch({ technician: code })}
          size="md"
          maw={420}
        />
      )}
      {!viewer.technicianCode ? (
        viewer.actsForAnother ? (
          <Text>{t('agenda.pickTechnician')}</Text>
        ) : (
          <Alert color="red" role="alert" title={t('agenda.notLinkedTitle')}>
            {t('agenda.notLinked')}
          </Alert>
        )
      ) : (
        <>
          <SegmentedControl
            fullWidth
            size="md"
            aria-label={t('views.label')}
            value={view}
            onChange={(next) => changeSearch({ view: next === 'list' ? null : next })}
            data={AGENDA_VIEWS.map((value: AgendaView) => ({ value, label: t(`views.${value}`) }))}
          />
          <Group gap="sm" justify="space-between" aria-live="polite">
            {agenda.data && <LastUpdated at={agenda.dataUpdatedAt} />}
            {agenda.isFetching && <Loader role="status" size="xs" aria-label={t('agenda.loading')} />}
          </Group>
          {agenda.error && <ProblemAlert error={agenda.error} />}
          {view === 'list' ? (
            agenda.data ? (
              <AgendaList agenda={agenda.data} forTechnician={forTechnician} />
            ) : (
              !agenda.error && <Loader role="status" aria-label={t('agenda.loading')} />
            )
          ) : (
            <AgendaCalendar
              view={view}
              events={events}
              timeZone={agenda.data?.timeZone ?? 'local'}
              language={i18n.language}
              todayText={t('views.today')}
              onRange={onRange}
              onOpen={(url) => void navigate(url)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
