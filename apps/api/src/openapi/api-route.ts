import type { ZodObject, ZodType } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** A schema of the wire contract under the name it gets in `components.schemas`. */
export interface NamedSchema {
  name: string;
  schema: ZodType;
}

/** Request headers the document describes once (`components.parameters`) and routes refer to. */
export type RequestHeader = 'If-Match' | 'Idempotency-Key' | 'Accept-Language' | 'Last-Event-ID';

/** Response headers the document describes once (`components.headers`). */
export type ResponseHeader =
  'ETag' | 'Location' | 'Link' | 'Fieldstream-Next-Position' | 'Fieldstream-Head-Position';

/** Problem statuses with a shared description (`components.responses`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422 | 423;

export interface ApiResponse {
  status: number;
  description: string;
  /** The JSON body; absent for an empty answer. */
  body?: NamedSchema;
  /** A body that is not JSON (an iCalendar file): its media type. */
  text?: string;
  headers?: readonly ResponseHeader[];
}

/**
 * One operation of the API as the OpenAPI document lists it. Bodies and answers are the same zod
 * schemas the controllers validate with and the SPA types itself with, so the document cannot
 * drift from them.
 */
export interface ApiRoute {
  method: HttpMethod;
  /** Relative to `/api`, path parameters in braces: `/service-requests/{id}/accept`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** Answers without credentials. */
  public?: boolean;
  /** Each property is a query parameter. */
  query?: ZodObject;
  headers?: readonly RequestHeader[];
  body?: NamedSchema & { required: boolean };
  responses: readonly ApiResponse[];
  /** Problems this operation may answer besides 401 (implied for every route needing credentials). */
  problems: readonly ProblemStatus[];
}
