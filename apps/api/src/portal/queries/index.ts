import { GetPortalAssetHandler } from './get-portal-asset.query';
import { GetPortalRequestHandler } from './get-portal-request.query';
import { ListPortalAssetConditionsHandler } from './list-portal-asset-conditions.query';
import { ListPortalAssetsHandler } from './list-portal-assets.query';
import { ListPortalContractsHandler } from './list-portal-contracts.query';
import { ListPortalRequestsHandler } from './list-portal-requests.query';

/** Every portal query handler, registered by the module. */
export const PORTAL_QUERY_HANDLERS = [
  ListPortalRequestsHandler,
  GetPortalRequestHandler,
  ListPortalAssetsHandler,
  GetPortalAssetHandler,
  ListPortalAssetConditionsHandler,
  ListPortalContractsHandler,
];
