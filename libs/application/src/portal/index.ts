export { PortalQueries, type PortalQueriesOptions, type PortalRequestListQuery } from './portal.queries';
export {
  MAX_PHOTOS_PER_REQUEST,
  PortalCommands,
  type PortalCommandsOptions,
  type PortalOpenRequestInput,
} from './portal.commands';
export { type PhotoUpload, REQUEST_ATTACHMENT_KIND, requestAttachmentOwner } from './request-photos';
export { portalCustomerOf } from './portal-customer';
