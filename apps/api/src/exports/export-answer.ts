import { INTERVENTION_EXPORT_HEADERS, type InterventionExportPage } from '@fieldstream/api-contract';
import { interventionsCsv, materialLinesCsv } from '@fieldstream/application';
import type { ExportFormat } from '@fieldstream/domain';
import type { Response } from 'express';

/** RFC 4180's media type, its `header` parameter saying the first line names the columns. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * `interventions_2026-12-01_2026-12-08.csv`, `intervention-materials_erp_run-3.csv`,
 * `interventions_after-812.csv`: what the file holds, readable in a folder of downloads.
 */
export function exportFileName(page: InterventionExportPage): string {
  const what = page.lines === 'interventions' ? 'interventions' : 'intervention-materials';
  const parts = [what];
  if (page.run) parts.push(page.run.consumer, `run-${page.run.sequence}`);
  else {
    if (page.period) parts.push(page.period.from ?? 'start', page.period.to ?? 'now');
    if (page.after > 0) parts.push(`after-${page.after}`);
    if (!page.period && page.after === 0) parts.push('all');
  }
  return `${parts.join('_')}.csv`;
}

/**
 * The page as JSON, or as CSV of its lines; either way the paging headers: where to go on from,
 * whether more is waiting, and (`next`) the link to it.
 */
export function sendExport(
  response: Response,
  page: InterventionExportPage,
  format: ExportFormat,
  next?: string,
): InterventionExportPage | string {
  response.setHeader(INTERVENTION_EXPORT_HEADERS.nextPosition, String(page.nextCursor));
  response.setHeader(INTERVENTION_EXPORT_HEADERS.hasMore, String(page.hasMore));
  if (page.run) response.setHeader(INTERVENTION_EXPORT_HEADERS.run, page.run.runId);
  if (next && page.hasMore) response.setHeader('Link', `<${next}>; rel="next"`);
  // Labour, prices and customers: never kept by a shared cache.
  response.setHeader('Cache-Control', 'no-store');
  if (format === 'json') return page;
  response.setHeader('Content-Type', CSV_CONTENT_TYPE);
  response.setHeader('Content-Disposition', `attachment; filename="${exportFileName(page)}"`);
  return page.lines === 'interventions' ? interventionsCsv(page.items) : materialLinesCsv(page.items);
}
