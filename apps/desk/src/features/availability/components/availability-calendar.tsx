import FullCalendar, { type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import itLocale from '@fullcalendar/react/locales/it';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import classes from './availability-calendar.module.css';

/**
 * A week (or month) of availability. `timeZone` is FullCalendar's own option: the instants stay
 * UTC, the grid shows them on the wall clock of the technician or site.
 */
export function AvailabilityCalendar({
  events,
  timeZone,
  language,
  todayText,
  onRange,
}: {
  events: EventInput[];
  timeZone: string;
  language: string;
  /** Visible text and accessible name of the "today" button must agree (WCAG 2.5.3). */
  todayText: string;
  onRange: (start: Date, end: Date) => void;
}) {
  return (
    <div className={classes.root}>
      <FullCalendar
        plugins={[timeGridPlugin, dayGridPlugin, classicThemePlugin]}
        initialView="timeGridWeek"
        headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridWeek,dayGridMonth' }}
        timeZone={timeZone}
        locale={language === 'it' ? itLocale : 'en-gb'}
        firstDay={1}
        nowIndicator
        allDaySlot={false}
        // Auto height: the grid grows instead of scrolling inside a box the keyboard cannot reach.
        height="auto"
        buttons={{ today: { text: todayText, hint: todayText } }}
        events={events}
        datesSet={(info) => onRange(info.start, info.end)}
        // FullCalendar 7.1.0 (the scheduler's pinned version) names each month cell with its date
        // alone, hiding the closures written inside it from its accessible name (WCAG 2.5.3): the
        // cell is then named by what it shows, the day number first.
        dayCellDidMount={(info) => {
          if (info.view.type === 'dayGridMonth') info.el.removeAttribute('aria-label');
        }}
      />
    </div>
  );
}
