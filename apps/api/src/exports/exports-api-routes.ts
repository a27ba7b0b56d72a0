import {
  INTERVENTION_CSV_COLUMNS,
  INTERVENTION_EXPORT_DEFAULT_LIMIT,
  INTERVENTION_EXPORT_MAX_LIMIT,
  MATERIAL_CSV_COLUMNS,
  exportRunBodySchema,
  exportRunDownloadQuerySchema,
  exportRunListSchema,
  exportRunsQuerySchema,
  interventionExportPageSchema,
  interventionExportPaths,
  interventionExportQuerySchema,
} from '@fieldstream/api-contract';
import type { ApiResponse, ApiRoute } from '../openapi/api-route';

const TAG = 'Exports';
const READERS =
  'For administrators, auditors and integrators (API keys with role `integrator`); 403 for others.';
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const columns = (list: readonly { name: string }[]) => list.map((column) => `\`${column.name}\``).join(', ');

const FORMATS = `\`format=json\` (default) answers the page below; \`format=csv\` answers \`text/csv; charset=utf-8; header=present\` (RFC 4180: UTF-8 without BOM, a header line, commas, CRLF, plain dot-decimal numbers, ISO 8601 UTC times) with \`Content-Disposition: attachment; filename="…"\` naming the period, cursor or run. \`lines=interventions\` (default): one item or row per closure, columns ${columns(INTERVENTION_CSV_COLUMNS)}; \`lines=materials\`: one per material line (the stock movements), columns ${columns(MATERIAL_CSV_COLUMNS)}. Columns are only ever added at the end. A request reopened and closed again is exported again: \`closureSequence\` counts its closures and \`supersedes\` (\`supersedes_position\`) names the earlier closure it replaces for billing; each closure's materials are stock movements of their own and all stand. Paging headers: \`Fieldstream-Next-Position\` (the next \`after\`), \`Fieldstream-Has-More\`, and \`Link: rel="next"\` while more is waiting.`;

const page: ApiResponse = {
  status: 200,
  description: 'The closures (or their material lines) in log order, as JSON or CSV.',
  body: { name: 'InterventionExportPage', schema: interventionExportPageSchema },
  headers: ['Link', 'Fieldstream-Next-Position'],
};

/** The exports' operations, listed in the OpenAPI document with the others (api-routes.ts). */
export const EXPORT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: interventionExportPaths.interventions,
    operationId: 'exportClosedInterventions',
    tag: TAG,
    summary: 'Closed interventions with labour, travel and materials, by period or after a cursor',
    description: `${READERS} \`from\` and \`to\` are closing days (YYYY-MM-DD) in the organisation's time zone (its head office's, answered as \`timeZone\`): \`from\` inclusive from 00:00, \`to\` exclusive, either may be left out. \`after\` is a cursor: the log position of the last closure already exported (a closure's \`position\`); the answer's \`nextCursor\` is the next one and \`hasMore\` says whether more is waiting, so that paging from 0 gives every closure once. Both may be combined. At most \`limit\` closures (${INTERVENTION_EXPORT_DEFAULT_LIMIT} by default, ${INTERVENTION_EXPORT_MAX_LIMIT} at most). Codes are those the events recorded; names, units and prices are master data's now. ${FORMATS} An unknown parameter is a 400 naming it.`,
    query: interventionExportQuerySchema,
    responses: [page],
    problems: [400, 403],
  },
  {
    method: 'post',
    path: interventionExportPaths.runs,
    operationId: 'recordInterventionExportRun',
    tag: TAG,
    summary: "A named consumer's next export: everything closed since its last run, recorded as a run",
    description: `For administrators and integrators (auditors list and download runs but record none); 403 for others. Exports the closures after the consumer's last run (at most \`limit\`; \`hasMore\` says the next run goes on) and records the run (range and counts) in the consumer's stream, so that the next run starts after it. 201 with the export, \`Location\` of the run and \`Fieldstream-Export-Run\`; 200 with an empty export when nothing is new (nothing recorded). Two runs of one consumer at once: the second is a 409 naming the run recorded first, and records nothing. \`If-Match\`: the number of runs the caller has seen (the ETag of the run list); a stale one is a 409. With an \`Idempotency-Key\`, a retry answers the same run again. ${FORMATS}`,
    headers: ['If-Match', 'Idempotency-Key'],
    body: { name: 'ExportRunBody', schema: exportRunBodySchema, required: true },
    responses: [
      {
        status: 201,
        description: 'The run recorded, and what it exported.',
        body: { name: 'InterventionExportPage', schema: interventionExportPageSchema },
        headers: ['Location', 'ETag', 'Fieldstream-Next-Position'],
      },
      {
        status: 200,
        description: 'Nothing new since the last run: an empty export, nothing recorded.',
        body: { name: 'InterventionExportPage', schema: interventionExportPageSchema },
        headers: ['ETag'],
      },
    ],
    problems: [400, 403, 409],
  },
  {
    method: 'get',
    path: interventionExportPaths.runs,
    operationId: 'listInterventionExportRuns',
    tag: TAG,
    summary: "A consumer's export runs, newest first",
    description: `${READERS} When each run was recorded and by whom, its range of the log (\`afterPosition\` exclusive, \`throughPosition\` inclusive) and its counts; \`throughPosition\` at the top is where the next run starts. The ETag is the number of runs: the next run's If-Match.`,
    query: exportRunsQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The runs.',
        body: { name: 'ExportRunList', schema: exportRunListSchema },
        headers: ['ETag'],
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: openApiPath(interventionExportPaths.run),
    operationId: 'downloadInterventionExportRun',
    tag: TAG,
    summary: 'A past run downloaded again',
    description: `${READERS} The closures of the run's range, the same ones as when it was recorded (the log does not change; names are master data's now), in the run's format and lines unless \`format\` or \`lines\` say otherwise. A run id is \`<consumer>-<sequence>\`; a malformed one is a 400, an unknown one a 404. ${FORMATS}`,
    query: exportRunDownloadQuerySchema,
    responses: [page],
    problems: [400, 403, 404],
  },
];
