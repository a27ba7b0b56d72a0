import type { ServiceRequestSummary } from '@fieldstream/api-contract';
import { referenceOf } from '../format/reference-of';

/** A to-do list row as the API would answer it, with the fields a test cares about over it. */
export function requestSummaryOf(
  id: string,
  over: Partial<ServiceRequestSummary> = {},
): ServiceRequestSummary {
  return {
    id,
    reference: referenceOf(id),
    status: 'accepted',
    source: 'desk',
    priority: 'normal',
    customerCode: 'ACME',
    customerName: 'Acme Spa',
    siteCode: 'S-ACME-1',
    siteName: 'Acme Milano',
    assetCode: 'SN-ACME-1',
    zoneCode: 'Z-MI',
    unitCode: 'MI',
    description: 'The boiler stops with error E-104',
    conditionCodes: [],
    assignments: [],
    openedAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    version: 2,
    ...over,
  };
}
