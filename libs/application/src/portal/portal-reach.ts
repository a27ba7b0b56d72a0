import {
  SERVICE_REQUESTS_COLLECTION,
  type MasterDataDocument,
  type ServiceRequestDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { NotFoundError } from '../errors';
import { requestNotFound } from '../service-requests/commands/request-stream';

/**
 * The customer's own request, or the NotFound a missing one gets: another customer's request is
 * not there at all, so probing ids tells nothing.
 */
export async function customerRequest(
  reads: ReadStore,
  customerCode: string,
  requestId: string,
): Promise<ServiceRequestDocument> {
  const document = await reads
    .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
    .findOne({ _id: requestId }, { projection: { searchTerms: 0 } });
  if (document && document.customerCode === customerCode) return document;
  throw requestNotFound(requestId);
}

/** The customer's own active asset, or NotFound (another customer's reads as missing). */
export async function customerAsset(
  reads: ReadStore,
  customerCode: string,
  assetCode: string,
): Promise<MasterDataDocument> {
  const asset = await reads.collection<MasterDataDocument>(masterDataCollection('asset')).get(assetCode);
  if (asset && asset.status === 'active' && asset.record['customerCode'] === customerCode) return asset;
  throw new NotFoundError(`There is no asset ${assetCode}`, { kind: 'asset', id: assetCode });
}
