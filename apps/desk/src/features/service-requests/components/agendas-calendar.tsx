import FullCalendar, { type EventInput } from '@fullcalendar/react';
import listPlugin from '@fullcalendar/react/list';
import itLocale from '@fullcalendar/react/locales/it';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useNavigate } from 'react-router';
import classes from '../calendar/agenda-calendar.module.css';

/**
 * Week, day and list views of the technicians' appointments, on the browser's clock. Each event is
 * a link to its request: followed inside the desk, so the session and the cache survive.
 */
export function AgendasCalendar({
  events,
  language,
  todayText,
  onRange,
}: {
  events: EventInput[];
  language: string;
  /** Visible text and accessible name of the "today" button must agree (WCAG 2.5.3). */
  todayText: string;
  onRange: (start: Date, end: Date) => void;
}) {
  const navigate = useNavigate();
  return (
    <div className={classes.root}>
      <FullCalendar
        plugins={[timeGridPlugin, listPlugin, classicThemePlugin]}
        initialView="timeGridWeek"
        headerToolbar={{
          start: 'prev,next today',
          center: 'title',
          end: 'timeGridWeek,timeGridDay,listWeek',
        }}
        locale={language === 'it' ? itLocale : 'en-gb'}
        firstDay={1}
        nowIndicator
        allDaySlot={false}
        height="auto"
        buttons={{ today: { text: todayText, hint: todayText } }}
        events={events}
        eventClick={(info) => {
          if (!info.event.url) return;
          info.jsEvent.preventDefault();
          navigate(info.event.url);
        }}
        datesSet={(info) => onRange(info.start, info.end)}
      />
    </div>
  );
}
