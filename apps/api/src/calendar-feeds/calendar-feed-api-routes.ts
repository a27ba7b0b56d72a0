import {
  calendarFeedAdminQuerySchema,
  calendarFeedListSchema,
  calendarFeedPaths,
  calendarFeedWithUrlSchema,
  createCalendarFeedBodySchema,
} from '@fieldstream/api-contract';
import { MAX_CALENDAR_FEEDS } from '@fieldstream/domain';
import type { ApiRoute, NamedSchema } from '../openapi/api-route';

/** Nest's `:name` path parameters in OpenAPI's braces. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const list: NamedSchema = { name: 'CalendarFeedList', schema: calendarFeedListSchema };
const withUrl: NamedSchema = { name: 'CalendarFeedWithUrl', schema: calendarFeedWithUrlSchema };
const TAG = 'Calendar feeds';

/** The calendar feeds' operations, listed in the OpenAPI document with the others (api-routes.ts). */
export const CALENDAR_FEED_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: calendarFeedPaths.mine,
    operationId: 'getMyCalendarFeeds',
    tag: TAG,
    summary: 'My calendar feeds, with when a calendar app last fetched each',
    description:
      'Active feeds only, never their URLs (shown once, at creation or regeneration). `lastFetchedAt` is recorded at most once an hour. Machine credentials have none (403).',
    responses: [{ status: 200, description: 'The feeds.', body: list }],
    problems: [403],
  },
  {
    method: 'post',
    path: calendarFeedPaths.mine,
    operationId: 'createMyCalendarFeed',
    tag: TAG,
    summary: 'Makes a private iCalendar feed of a technician’s or a team’s appointments',
    description: `A technician subscribes to their own agenda (\`scope: { kind: "technician", code }\`; another technician or a unit is 403); the desk, managers and administrators to a technician or a unit they reach (a unit's feed holds its technicians and those of the units below it; one out of reach is 400 naming \`scope.code\`). The answer carries the URL, once: subscribe to \`url\` in Google Calendar ("From URL") or Outlook, open \`webcalUrl\` on an iPhone or a Mac. At most ${MAX_CALENDAR_FEEDS} active feeds per user (422 \`too_many_feeds\`).`,
    body: { name: 'CreateCalendarFeedBody', schema: createCalendarFeedBodySchema, required: true },
    responses: [{ status: 201, description: 'Made; the URL is shown here only.', body: withUrl }],
    problems: [400, 403, 422],
  },
  {
    method: 'post',
    path: openApiPath(calendarFeedPaths.regenerate),
    operationId: 'regenerateMyCalendarFeed',
    tag: TAG,
    summary: 'Gives one of my feeds a new URL; the old one stops answering at once',
    description: 'Events keep their UIDs, so a phone subscribed to the new URL shows the same appointments.',
    responses: [{ status: 200, description: 'The feed with its new URL, shown here only.', body: withUrl }],
    problems: [403, 404],
  },
  {
    method: 'delete',
    path: openApiPath(calendarFeedPaths.mineOne),
    operationId: 'revokeMyCalendarFeed',
    tag: TAG,
    summary: 'Revokes one of my feeds: its URL answers 404 from now on',
    description: 'Revoking a revoked feed changes nothing. Another user’s feed answers as a missing one.',
    responses: [{ status: 204, description: 'Revoked.' }],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: calendarFeedPaths.all,
    operationId: 'getCalendarFeeds',
    tag: TAG,
    summary: 'Every active calendar feed, or one user’s (`ownerId`)',
    description: 'For administrators and auditors: who follows which agenda. Never the URLs.',
    query: calendarFeedAdminQuerySchema,
    responses: [{ status: 200, description: 'The feeds.', body: list }],
    problems: [400, 403],
  },
  {
    method: 'delete',
    path: openApiPath(calendarFeedPaths.one),
    operationId: 'revokeCalendarFeed',
    tag: TAG,
    summary: 'Revokes anyone’s feed (administrators): a lost phone, a leaver',
    responses: [{ status: 204, description: 'Revoked.' }],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: openApiPath(calendarFeedPaths.ics),
    operationId: 'getCalendarFeedIcs',
    tag: TAG,
    summary: 'A feed as phone calendars subscribe to it (RFC 5545)',
    description:
      'No credentials: the token in the path is one (calendar apps cannot send headers). One VEVENT per appointment from 30 days back to 90 ahead, times in the site’s zone with their VTIMEZONEs, a UID stable across fetches and regenerations, SEQUENCE growing with each reschedule, cancelled appointments kept as `STATUS:CANCELLED`. `Cache-Control: private, max-age=300`; send the `ETag` back as `If-None-Match` for a 304 while nothing changed. A token that is wrong, replaced or revoked, or whose owner may no longer follow the scope, answers 404.',
    public: true,
    responses: [
      { status: 200, description: 'The calendar.', text: 'text/calendar' },
      { status: 304, description: 'Unchanged since the ETag sent in If-None-Match.' },
    ],
    problems: [404],
  },
];
