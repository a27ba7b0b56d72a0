import FullCalendar, { type CalendarRef, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import itLocale from '@fullcalendar/react/locales/it';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useEffect, useRef } from 'react';
import type { CalendarView } from '../types/agenda-view';
import classes from './agenda-calendar.module.css';

const FULLCALENDAR_VIEW: Record<CalendarView, string> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
};

/**
 * The agenda on a day, week or month grid. The page's own switch picks the view (big buttons on a
 * phone); the calendar reports the range it shows, and only that range is fetched. Events carry
 * their sheet's address, so they are links the keyboard reaches; a click opens it in the app.
 */
export function AgendaCalendar({
  view,
  events,
  timeZone,
  language,
  todayText,
  onRange,
  onOpen,
}: {
  view: CalendarView;
  events: EventInput[];
  timeZone: string;
  language: string;
  todayText: string;
  onRange: (start: Date, end: Date) => void;
  onOpen: (url: string) => void;
}) {
  const calendar = useRef<CalendarRef>(null);
  useEffect(() => {
    const api = calendar.current?.getApi();
    if (api && api.view.type !== FULLCALENDAR_VIEW[view]) api.changeView(FULLCALENDAR_VIEW[view]);
  }, [view]);
  return (
    <div className={classes.root}>
      <FullCalendar
        ref={calendar}
        plugins={[timeGridPlugin, dayGridPlugin, classicThemePlugin]}
        initialView={FULLCALENDAR_VIEW[view]}
        headerToolbar={{ start: 'title', end: 'prev,today,next' }}
        timeZone={timeZone}
        locale={language === 'it' ? itLocale : 'en-gb'}
        firstDay={1}
        nowIndicator
        allDaySlot={false}
        scrollTime="07:00:00"
        // Auto height: the grid grows instead of scrolling inside a box the keyboard cannot reach.
        height="auto"
        buttons={{ today: { text: todayText, hint: todayText } }}
        events={events}
        datesSet={(info) => onRange(info.start, info.end)}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          if (info.event.url) onOpen(info.event.url);
        }}
      />
    </div>
  );
}
