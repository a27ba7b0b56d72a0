import {
  type CloseBody,
  INTERVENTION_EXPORT_HEADERS,
  type InterventionExportPage,
  type OpenServiceRequestBody,
  type ServiceRequestDetail,
} from '@fieldstream/api-contract';
import { ACME_BOILER_FAULT, act, openRequest } from '../../service-requests/testing/service-request-calls';
import type { TestApi } from '../../testing/start-test-api';

/** Who walks a request: the desk plans, the technician (or the desk for them) works and closes. */
export interface Walkers {
  desk: string;
  /** Starts and closes; a desk token names the technician. */
  technician: string;
  technicianCode: string;
}

/** Two-hour slots, one after another: a technician is never booked twice for the same time. */
let slots = 0;
function nextSlot(technicianCode: string) {
  const start = new Date(Date.UTC(2027, 0, 4, 7) + slots++ * 3 * 3_600_000).toISOString();
  return { technicianCode, start, durationMinutes: 120 };
}

/** Assigns, starts and closes an accepted request; answers it closed. */
export async function workAndClose(
  api: TestApi,
  walkers: Walkers,
  requestId: string,
  closing: CloseBody,
): Promise<ServiceRequestDetail> {
  await act(api, walkers.desk, 'POST', `${requestId}/assignments`, {
    assignments: [nextSlot(walkers.technicianCode)],
  });
  await act(api, walkers.technician, 'POST', `${requestId}/start`, {
    technicianCode: walkers.technicianCode,
  });
  return act(api, walkers.technician, 'POST', `${requestId}/close`, closing);
}

/** Opens a request, accepts it and walks it to its closure, over HTTP like any client. */
export async function closeThroughApi(
  api: TestApi,
  walkers: Walkers,
  closing: CloseBody,
  opening: OpenServiceRequestBody = ACME_BOILER_FAULT,
): Promise<ServiceRequestDetail> {
  const request = await openRequest(api, walkers.desk, opening);
  await act(api, walkers.desk, 'POST', `${request.id}/accept`, {});
  return workAndClose(api, walkers, request.id, closing);
}

/** Stock arrives in a warehouse or van, so that closings can use it. */
export async function receiveStock(
  api: TestApi,
  token: string,
  warehouseCode: string,
  itemCode: string,
  quantity: number,
): Promise<void> {
  const response = await api.call('POST', `/api/stock/${warehouseCode}/movements`, token, {
    type: 'receive',
    itemCode,
    quantity,
    reason: 'Restock for the export tests',
  });
  if (response.status !== 201) throw new Error(`receive: ${response.status} ${await response.text()}`);
}

/** One JSON page of the export, failing loudly on anything but 200. */
export async function exportPage(
  api: TestApi,
  token: string,
  query: string,
): Promise<InterventionExportPage> {
  const response = await api.call('GET', `/api/exports/interventions?${query}`, token);
  if (response.status !== 200)
    throw new Error(`export ${query}: ${response.status} ${await response.text()}`);
  const page = (await response.json()) as InterventionExportPage;
  // The headers say what the body says.
  expect(response.headers.get(INTERVENTION_EXPORT_HEADERS.nextPosition)).toBe(String(page.nextCursor));
  expect(response.headers.get(INTERVENTION_EXPORT_HEADERS.hasMore)).toBe(String(page.hasMore));
  return page;
}

/** Every closure after `after`, page by page as a back office would go, following `nextCursor`. */
export async function exportAllPages(
  api: TestApi,
  token: string,
  limit: number,
  after = 0,
): Promise<{ pages: InterventionExportPage[]; cursor: number }> {
  const pages: InterventionExportPage[] = [];
  for (let cursor = after; ;) {
    const page = await exportPage(api, token, `limit=${limit}&after=${cursor}`);
    pages.push(page);
    expect(page.after).toBe(cursor);
    cursor = page.nextCursor;
    if (!page.hasMore) return { pages, cursor };
    if (pages.length > 1000) throw new Error('The pages never end');
  }
}
