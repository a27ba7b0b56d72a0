import type { Agenda } from '@fieldstream/api-contract';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dayKey } from '../agenda/day-key';
import { formatDayHeading } from '../agenda/format-day-heading';
import { groupAgendaByDay } from '../agenda/group-agenda-by-day';
import { nextDay } from '../agenda/next-day';
import { sheetLink } from '../agenda/sheet-link';
import { AgendaCard } from './agenda-card';

/** The agenda as a list of days, today first, each with its appointments in order. */
export function AgendaList({ agenda, forTechnician }: { agenda: Agenda; forTechnician: string | undefined }) {
  const { t, i18n } = useTranslation('technician');
  const today = dayKey(new Date(), agenda.timeZone);
  const days = groupAgendaByDay(agenda.entries, { timeZone: agenda.timeZone, today });
  if (days.length === 0) return <Text>{t('agenda.empty')}</Text>;
  const headingOf = (day: string) => {
    const date = formatDayHeading(day, i18n.language);
    if (day === today) return t('agenda.today', { date });
    if (day === nextDay(today)) return t('agenda.tomorrow', { date });
    return date;
  };
  return (
    <Stack gap="lg">
      {days.map(({ day, entries }) => (
        <section key={day} aria-labelledby={`agenda-day-${day}`} data-day={day}>
          <Title order={2} fz="h3" id={`agenda-day-${day}`} mb="xs">
            {headingOf(day)}
          </Title>
          <Stack gap="sm">
            {entries.map((entry) => (
              <AgendaCard
                key={entry.appointmentId}
                entry={entry}
                timeZone={agenda.timeZone}
                to={sheetLink(entry.requestId, forTechnician)}
              />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
