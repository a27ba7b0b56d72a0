import FullCalendar, { type EventInput } from '@fullcalendar/react';
import itLocale from '@fullcalendar/react/locales/it';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { List, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import classes from '../calendar/agenda-calendar.module.css';
import { agendaEvents } from '../calendar/agenda-events';
import { isSuspendedEntry } from '../calendar/is-suspended-entry';
import { PROPOSED_COLOUR } from '../calendar/priority-colours';
import { localDayRange } from '../format/local-day-range';
import { useFormatters } from '../format/use-formatters';
import { useTechnicianAgendas } from '../hooks/use-technician-agendas';

/**
 * One technician's day around a proposed slot, so the dispatcher sees where it fits: the
 * appointments already there, and the slot dashed among them. The same in words below the grid,
 * for whoever does not read the calendar.
 */
export function TechnicianDayAgenda({
  technicianCode,
  start,
  end,
}: {
  technicianCode: string;
  /** The proposed slot, as instants. */
  start: string;
  end: string | undefined;
}) {
  const { t, i18n } = useTranslation('serviceRequests');
  const format = useFormatters();
  const day = useMemo(() => localDayRange(start), [start]);
  const { agendas, error, fetching } = useTechnicianAgendas([technicianCode], day);
  const agenda = agendas[0];
  const entries = agenda?.entries ?? [];
  const events = useMemo<EventInput[]>(
    () => [
      ...agendaEvents(agenda ? [agenda] : [], {
        title: (entry) =>
          `${entry.request?.reference ?? ''} ${entry.request?.customerName ?? entry.request?.customerCode ?? ''}`.trim(),
        nameTechnician: false,
        suspendedClassName: classes.suspended ?? '',
      }).map(({ url: _url, ...event }) => event),
      ...(end
        ? [
            {
              id: 'proposed',
              title: t('assign.proposed'),
              start,
              end,
              color: PROPOSED_COLOUR,
              className: classes.proposed ?? '',
            },
          ]
        : []),
    ],
    [agenda, start, end, t],
  );
  const name = agenda?.technicianName ?? technicianCode;
  return (
    <Stack gap="xs" data-testid="technician-day-agenda">
      <Text size="sm" fw={600}>
        {t('assign.dayOf', {
          name,
          day: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(new Date(start)),
        })}
        {fetching && <Loader role="status" size="xs" ml="xs" aria-label={t('agendas.loading')} />}
      </Text>
      {error && <ProblemAlert error={error} />}
      <div className={classes.root}>
        <FullCalendar
          key={day.from}
          plugins={[timeGridPlugin, classicThemePlugin]}
          initialView="timeGridDay"
          initialDate={day.from}
          headerToolbar={false}
          locale={i18n.language === 'it' ? itLocale : 'en-gb'}
          allDaySlot={false}
          slotMinTime="06:00:00"
          slotMaxTime="22:00:00"
          nowIndicator
          height="auto"
          events={events}
        />
      </div>
      <List size="sm" aria-label={t('assign.dayList', { name })}>
        {entries.length === 0 ? (
          <List.Item>{t('assign.dayFree')}</List.Item>
        ) : (
          entries.map((entry) => (
            <List.Item key={entry.appointmentId}>
              {format.range(entry.start, entry.end)} · {entry.request?.reference ?? entry.requestId}
              {entry.request?.customerName ? ` · ${entry.request.customerName}` : ''}
              {isSuspendedEntry(entry) ? ` (${t('agendas.suspended')})` : ''}
            </List.Item>
          ))
        )}
      </List>
    </Stack>
  );
}
