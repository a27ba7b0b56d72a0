import {
  portalAssetDetailSchema,
  portalAssetsSchema,
  portalCommentBodySchema,
  portalConditionsSchema,
  portalContractsSchema,
  portalOpenRequestBodySchema,
  portalPhotoSchema,
  portalRequestDetailSchema,
  portalRequestListQuerySchema,
  portalRequestListSchema,
} from '@fieldstream/api-contract';
import { MAX_PHOTOS_PER_REQUEST } from '@fieldstream/application';
import type { ApiRoute, NamedSchema } from '../openapi/api-route';

const TAG = 'Customer portal';
const detail: NamedSchema = { name: 'PortalRequestDetail', schema: portalRequestDetailSchema };
const CUSTOMERS_ONLY = 'For customer users only (403 for any other role).';

/** The portal's operations, listed in the OpenAPI document with the others (api-routes.ts). */
export const PORTAL_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/portal/requests',
    operationId: 'listMyRequests',
    tag: TAG,
    summary: "The customer's own requests, open or past",
    description: `${CUSTOMERS_ONLY} Open ones newest first; past ones (completed, resolved, cancelled, declined) most recently finished first. Each with where it stands in plain terms and the next visit: its time window and the technician's first name.`,
    query: portalRequestListQuerySchema,
    responses: [
      {
        status: 200,
        description: 'A page of requests.',
        body: { name: 'PortalRequestList', schema: portalRequestListSchema },
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'post',
    path: '/portal/requests',
    operationId: 'openMyRequest',
    tag: TAG,
    summary: 'Opens a request from the portal',
    description: `${CUSTOMERS_ONLY} JSON, or multipart/form-data with the same fields and an optional \`photo\` (an image, checked by its bytes). The customer is the caller's own, the source \`portal\`, the priority the desk's to set. Every field at fault is named (an unknown site, a machine elsewhere, a condition not of the machine's model, a file that is not a photo) and nothing is opened.`,
    headers: ['Idempotency-Key'],
    body: { name: 'PortalOpenRequestBody', schema: portalOpenRequestBodySchema, required: true },
    responses: [
      { status: 201, description: 'Opened.', body: detail, headers: ['Location'] },
      {
        status: 200,
        description: 'Opened earlier with this Idempotency-Key.',
        body: detail,
        headers: ['Location'],
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: '/portal/requests/{id}',
    operationId: 'getMyRequest',
    tag: TAG,
    summary: 'One of my requests: visits, its story in plain terms, what was done, photos',
    description: `${CUSTOMERS_ONLY} Another customer's request answers 404, as a missing one.`,
    responses: [{ status: 200, description: 'The request.', body: detail }],
    problems: [403, 404],
  },
  {
    method: 'post',
    path: '/portal/requests/{id}/comments',
    operationId: 'commentMyRequest',
    tag: TAG,
    summary: 'Adds a comment to one of my requests',
    description: `${CUSTOMERS_ONLY} Told to the desk in the request's timeline; 409 once the request is over.`,
    headers: ['Idempotency-Key'],
    body: { name: 'PortalCommentBody', schema: portalCommentBodySchema, required: true },
    responses: [{ status: 200, description: 'The request with the comment.', body: detail }],
    problems: [400, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/portal/requests/{id}/photos',
    operationId: 'addPhotoToMyRequest',
    tag: TAG,
    summary: 'Adds a photo to one of my requests',
    description: `${CUSTOMERS_ONLY} multipart/form-data with one \`photo\` field (an image). 409 once the request is over; 422 \`too_many_photos\` past ${MAX_PHOTOS_PER_REQUEST}.`,
    headers: ['Idempotency-Key'],
    responses: [
      { status: 201, description: 'Kept.', body: { name: 'PortalPhoto', schema: portalPhotoSchema } },
    ],
    problems: [400, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/portal/requests/{id}/photos/{photoId}',
    operationId: 'getMyRequestPhoto',
    tag: TAG,
    summary: 'One photo of one of my requests, as it was sent',
    responses: [{ status: 200, description: 'The image, with its sniffed type.', text: 'image/*' }],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/portal/assets',
    operationId: 'listMyAssets',
    tag: TAG,
    summary: 'My sites and machines',
    description: `${CUSTOMERS_ONLY} Active sites, each with its active machines, the requests open on each and the last visit.`,
    responses: [
      { status: 200, description: 'The sites.', body: { name: 'PortalAssets', schema: portalAssetsSchema } },
    ],
    problems: [403],
  },
  {
    method: 'get',
    path: '/portal/assets/{code}',
    operationId: 'getMyAsset',
    tag: TAG,
    summary: 'One of my machines with its service history',
    description: `${CUSTOMERS_ONLY} Newest first: each request, its visits (date, window, the technician's first name) and what was done. Another customer's machine answers 404.`,
    responses: [
      {
        status: 200,
        description: 'The machine.',
        body: { name: 'PortalAssetDetail', schema: portalAssetDetailSchema },
      },
    ],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: '/portal/assets/{code}/conditions',
    operationId: 'listMyAssetConditions',
    tag: TAG,
    summary: 'What I may report on one of my machines',
    description: `${CUSTOMERS_ONLY} The catalogue's conditions of the machine's model, of its family, and the generic ones, by name.`,
    responses: [
      {
        status: 200,
        description: 'The conditions.',
        body: { name: 'PortalConditions', schema: portalConditionsSchema },
      },
    ],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: '/portal/contracts',
    operationId: 'listMyContracts',
    tag: TAG,
    summary: "My contracts' conditions",
    description: `${CUSTOMERS_ONLY} Coverage, service hours, response and restoration times per priority (in service hours), validity; those in force first.`,
    responses: [
      {
        status: 200,
        description: 'The contracts.',
        body: { name: 'PortalContracts', schema: portalContractsSchema },
      },
    ],
    problems: [403],
  },
];
