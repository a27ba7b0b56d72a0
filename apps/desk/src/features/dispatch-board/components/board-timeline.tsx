import FullCalendar, {
  type DropInfo,
  type EventDropInfo,
  type EventInput,
  type EventResizeDoneInfo,
} from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import itLocale from '@fullcalendar/react/locales/it';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import resourceTimelinePlugin from '@fullcalendar/react-scheduler/resource-timeline';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { memo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BoardResource } from '../board/board-timeline-input';
import classes from '../../service-requests/calendar/agenda-calendar.module.css';

/**
 * FullCalendar Premium is tri-licensed; Fieldstream is AGPL-3.0-or-later front and back, which is
 * the licence this key selects.
 */
const SCHEDULER_LICENCE = 'AGPL-My-Frontend-And-Backend-Are-Open-Source';

export interface BoardTimelineProps {
  resources: BoardResource[];
  events: EventInput[];
  language: string;
  todayText: string;
  resourceHeading: string;
  onRange(start: Date, end: Date): void;
  /** A request from the to-do list dropped on a technician's row at a time. */
  onDropRequest(info: DropInfo): void;
  /** An appointment dragged to another time or technician (`revert` puts it back). */
  onMove(info: EventDropInfo): void;
  onResize(info: EventResizeDoneInfo): void;
}

/**
 * The timeline scrolls in both directions inside its own areas; a keyboard user reaches them only
 * if they take focus (then the arrow keys scroll), which FullCalendar does not give them.
 */
function focusableScrollers(root: HTMLElement) {
  for (const element of root.querySelectorAll<HTMLElement>('div')) {
    const { overflowX, overflowY } = getComputedStyle(element);
    const scrolls = [overflowX, overflowY].some((overflow) => overflow === 'auto' || overflow === 'scroll');
    if (scrolls && !element.hasAttribute('tabindex')) element.tabIndex = 0;
  }
}

/** The week view's hours (the overview); the day view shows the whole day. */
const WEEK_FIRST_HOUR = 6;
const WEEK_LAST_HOUR = 22;

/**
 * A week opens on today rather than on its Monday: on a desk screen the overview shows about four
 * days, and a dispatcher plans from today on. A timeline's scroll time is a duration from the
 * view's first day, so today's first hour shown is today's weekday (Monday 0) in days after it.
 * Given as the initial scroll rather than scrolled to once drawn, which would draw the board twice
 * (about 1.7 s more before a 300-technician board is interactive); another week opens on the same
 * weekday.
 */
function todayInWeek(now: Date): { days: number; hours: number } {
  return { days: (now.getDay() + 6) % 7, hours: WEEK_FIRST_HOUR };
}

/**
 * Technicians as rows on a time axis (FullCalendar's resource timeline). Only the rows and times
 * near the scroll viewport are rendered (`virtualization`), so 300 technicians by a week stay
 * responsive; the week view shows working hours with quarter-hour drops, the day view the whole day.
 */
export const BoardTimeline = memo(function BoardTimeline(props: BoardTimelineProps) {
  const navigate = useNavigate();
  // Once per board: a live refresh must not move what the dispatcher scrolled to.
  const [weekScroll] = useState(() => todayInWeek(new Date()));
  return (
    <div className={classes.root} data-testid="dispatch-board-timeline">
      <FullCalendar
        plugins={[resourceTimelinePlugin, interactionPlugin, classicThemePlugin]}
        schedulerLicenseKey={SCHEDULER_LICENCE}
        initialView="resourceTimelineWeek"
        headerToolbar={{
          start: 'prev,next today',
          center: 'title',
          end: 'resourceTimelineDay,resourceTimelineWeek',
        }}
        views={{
          // The week is the overview (two-hour columns fit a desk screen); the day is for precise work.
          resourceTimelineWeek: {
            slotDuration: '02:00',
            slotMinTime: { hours: WEEK_FIRST_HOUR },
            slotMaxTime: { hours: WEEK_LAST_HOUR },
            scrollTime: weekScroll,
            slotMinWidth: 22,
          },
          resourceTimelineDay: { slotDuration: '00:30', scrollTime: '07:00', slotMinWidth: 60 },
        }}
        locale={props.language === 'it' ? itLocale : 'en-gb'}
        firstDay={1}
        nowIndicator
        virtualization
        height="72vh"
        resourceColumnsWidth="260px"
        resourceColumnHeaderContent={props.resourceHeading}
        resourceOrder="title"
        snapDuration="00:15"
        editable
        droppable
        eventResourceEditable
        eventDurationEditable
        buttons={{ today: { text: props.todayText, hint: props.todayText } }}
        resources={props.resources}
        events={props.events}
        datesSet={(info) => props.onRange(info.start, info.end)}
        viewDidMount={(info) => focusableScrollers(info.el)}
        drop={props.onDropRequest}
        eventDrop={props.onMove}
        eventResize={props.onResize}
        // The whole title on hover: a one-hour appointment in the week view shows only its start.
        eventDidMount={(info) => info.el.setAttribute('title', info.event.title)}
        eventClick={(info) => {
          if (!info.event.url) return;
          info.jsEvent.preventDefault();
          navigate(info.event.url);
        }}
      />
    </div>
  );
});
