import { type FieldError, PROBLEM_TYPES, type ProblemDetails } from '@fieldstream/api-contract';
import { InvalidAppendError, InvalidReadError, WrongExpectedRevisionError } from '@fieldstream/event-store';
import { InvalidJobRequestError } from '@fieldstream/queue';
import {
  CheckpointConflictError,
  DocumentNotFoundError,
  DuplicateKeyError,
  InvalidCollectionNameError,
  InvalidDocumentError,
  InvalidQueryError,
} from '@fieldstream/read-store';
import {
  FieldValidationError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '@fieldstream/application';
import { DomainError } from '@fieldstream/domain';
import { HttpException, HttpStatus } from '@nestjs/common';
import { ZodError } from 'zod';

/** A request body that is not valid JSON (body-parser's SyntaxError, re-tagged). */
export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError';
  readonly status = 400;
  readonly type = 'entity.parse.failed';
  constructor(cause: SyntaxError) {
    super(cause.message, { cause });
  }
}

export interface MappedProblem {
  problem: ProblemDetails;
  /** True for failures that are ours (5xx), which are logged with their stack. */
  serverFault: boolean;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  423: 'Locked',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * Stores that cannot serve us now, matched by `code` rather than class: the Mongo adapter's errors
 * live in the adapter library, which the API must not import (ports narrow, adapters behind them),
 * and a second copy of a module (jest's registry) would defeat `instanceof` anyway.
 */
const UNAVAILABLE_CODES: Record<string, string> = {
  event_store_unavailable: 'The event store cannot be reached; try again shortly.',
  read_store_unavailable: 'The read store cannot be reached; try again shortly.',
  transactions_unsupported: 'The read store is not configured to serve this; the operators have been told.',
};

function unavailableCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code in UNAVAILABLE_CODES ? code : undefined;
}

/** A client-side problem raised by one of our ports: its code and message, plus the members it names. */
function portProblem(
  base: { instance: string },
  error: Error & { code: string },
  type: string,
  title: string,
  status: number,
  named: Record<string, unknown>,
): MappedProblem {
  return {
    serverFault: false,
    problem: { ...base, type, title, status, code: error.code, detail: error.message, ...named },
  };
}

/** A client mistake in one field or path of what it sent: 400 with that field named. */
function invalidField(
  base: { instance: string },
  error: Error & { code: string },
  field: string,
): MappedProblem {
  return portProblem(base, error, PROBLEM_TYPES.validation, 'Invalid request', 400, {
    errors: [{ field, message: error.message, code: error.code }],
  });
}

/** Errors thrown by body-parser carry `type` and `status`; they reach us before any controller. */
function bodyParserError(error: unknown): { type: string; status: number; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { type?: unknown; status?: unknown; message?: unknown };
  if (
    typeof candidate.type === 'string' &&
    candidate.type.startsWith('entity.') &&
    typeof candidate.status === 'number'
  ) {
    return { type: candidate.type, status: candidate.status, message: String(candidate.message ?? '') };
  }
  return undefined;
}

/**
 * Turns anything thrown while handling a request into an RFC 9457 problem. The rule: a client's
 * mistake is a 4xx naming what was wrong; only our own failures are 5xx, and those say nothing of
 * internals.
 */
export function toProblem(error: unknown, instance: string): MappedProblem {
  const base = { instance };
  if (error instanceof ZodError) {
    return {
      serverFault: false,
      problem: {
        ...base,
        type: PROBLEM_TYPES.validation,
        title: 'Invalid request',
        status: 400,
        code: 'validation_failed',
        detail: 'The request has invalid fields; see errors.',
        errors: zodFieldErrors(error),
      },
    };
  }
  const ours = applicationProblem(base, error);
  if (ours) return ours;
  if (error instanceof WrongExpectedRevisionError) {
    return portProblem(
      base,
      error,
      PROBLEM_TYPES.concurrencyConflict,
      'Conflict: the stream changed meanwhile',
      409,
      {
        stream: error.streamName,
        expectedRevision: error.expected,
        actualRevision: error.actual,
      },
    );
  }
  if (error instanceof InvalidAppendError) {
    return portProblem(base, error, PROBLEM_TYPES.invalidAppend, 'Invalid events', 400, {
      errors: [{ field: error.field, message: error.message, code: error.code }],
    });
  }
  if (error instanceof InvalidQueryError) return invalidField(base, error, error.path);
  if (error instanceof InvalidDocumentError) return invalidField(base, error, error.path);
  // The collection name is the only thing at fault, so it is the path named.
  if (error instanceof InvalidCollectionNameError) return invalidField(base, error, 'collection');
  if (error instanceof InvalidReadError) return invalidField(base, error, error.field);
  if (error instanceof InvalidJobRequestError) return invalidField(base, error, error.field);
  if (error instanceof DocumentNotFoundError) {
    return portProblem(base, error, PROBLEM_TYPES.notFound, 'Not Found', 404, {
      collection: error.collection,
      id: error.id,
    });
  }
  if (error instanceof DuplicateKeyError) {
    return portProblem(base, error, PROBLEM_TYPES.http, 'Conflict', 409, {
      collection: error.collection,
      key: error.key,
    });
  }
  if (error instanceof CheckpointConflictError) {
    // A projection raced another runner; the client may retry, so it is a conflict, not our 500.
    return portProblem(
      base,
      error,
      PROBLEM_TYPES.concurrencyConflict,
      'Conflict: the projection moved meanwhile',
      409,
      {
        projection: error.projection,
        expectedCheckpoint: error.expected,
        actualCheckpoint: error.actual,
      },
    );
  }
  const unavailable = unavailableCode(error);
  if (unavailable !== undefined) {
    // Ours to fix or wait out (logged with the stack), but the client hears only "try again".
    return {
      serverFault: true,
      problem: {
        ...base,
        type: PROBLEM_TYPES.unavailable,
        title: 'Service Unavailable',
        status: 503,
        code: unavailable,
        detail: UNAVAILABLE_CODES[unavailable],
      },
    };
  }
  const parser = bodyParserError(error);
  if (parser) {
    const tooLarge = parser.type === 'entity.too.large';
    return {
      serverFault: false,
      problem: {
        ...base,
        type: tooLarge ? PROBLEM_TYPES.payloadTooLarge : PROBLEM_TYPES.malformedBody,
        title: tooLarge ? 'Content Too Large' : 'Malformed request body',
        status: parser.status,
        code: parser.type.replace(/\./g, '_'),
        detail: tooLarge ? 'The request body is larger than the server accepts.' : parser.message,
        errors: [{ field: '', message: parser.message }],
      },
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: unknown[] }).message.map(String).join('; ')
          : String((response as { message?: unknown }).message ?? error.message);
    const type =
      status === HttpStatus.NOT_FOUND
        ? PROBLEM_TYPES.notFound
        : status === HttpStatus.METHOD_NOT_ALLOWED
          ? PROBLEM_TYPES.methodNotAllowed
          : PROBLEM_TYPES.http;
    return {
      serverFault: status >= 500,
      problem: {
        ...base,
        type,
        title: STATUS_TITLES[status] ?? 'Error',
        status,
        ...(status >= 500 ? {} : { detail: message }),
      },
    };
  }
  return {
    serverFault: true,
    problem: {
      ...base,
      type: PROBLEM_TYPES.internal,
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side; it has been logged.',
    },
  };
}

/** How each domain rule's refusal is answered; any other code is a 422 (understood, but refused). */
const DOMAIN_STATUS: Record<string, number> = {
  not_found: 404,
  already_exists: 409,
  retired: 409,
  account_locked: 423,
  account_disabled: 403,
  // Service requests and schedules: the request or the technician's time is not as the client
  // thought (someone else booked the slot, the state moved on); re-reading and retrying may succeed.
  schedule_conflict: 409,
  illegal_transition: 409,
  already_open: 409,
  already_assigned: 409,
  unknown_appointment: 409,
  // Notifications: where things stand, not what the client sent (nothing raised to acknowledge,
  // a delivery requeued that did not give up); re-reading shows why.
  nothing_to_acknowledge: 409,
  not_dead: 409,
  // A meter never goes back: the reading contradicts one already recorded.
  reading_goes_back: 409,
};

/** Refusals by the application and the domain: who may not, what is not there, what the rules forbid. */
function applicationProblem(base: { instance: string }, error: unknown): MappedProblem | undefined {
  if (error instanceof FieldValidationError) {
    return portProblem(base, error, PROBLEM_TYPES.validation, 'Invalid request', 400, {
      errors: error.issues.map(({ field, message, code }) => ({ field, message, code })),
    });
  }
  if (error instanceof UnauthenticatedError) {
    return portProblem(base, error, PROBLEM_TYPES.unauthenticated, 'Unauthorized', 401, {});
  }
  if (error instanceof ForbiddenError) {
    return portProblem(base, error, PROBLEM_TYPES.forbidden, 'Forbidden', 403, {});
  }
  if (error instanceof NotFoundError) {
    return portProblem(base, error, PROBLEM_TYPES.notFound, 'Not Found', 404, { resource: error.resource });
  }
  const attachment = attachmentProblem(base, error);
  if (attachment) return attachment;
  if (error instanceof DomainError) {
    const status = DOMAIN_STATUS[error.code] ?? 422;
    const type = status === 404 ? PROBLEM_TYPES.notFound : PROBLEM_TYPES.domainRule;
    return portProblem(
      base,
      error as DomainError & { code: string },
      type,
      STATUS_TITLES[status] ?? 'Refused',
      status,
      {
        details: error.details,
      },
    );
  }
  return undefined;
}

/**
 * The attachment store's refusals, matched by code (its adapters live behind the port): a file
 * too big, of a refused type, or an id that clashes.
 */
const ATTACHMENT_STATUS: Record<string, number> = {
  invalid_attachment: 400,
  attachment_too_large: 413,
  attachment_type_refused: 415,
  attachment_not_found: 404,
  attachment_conflict: 409,
};

function attachmentProblem(base: { instance: string }, error: unknown): MappedProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, field } = error as { code?: unknown; field?: unknown };
  if (typeof code !== 'string' || !(code in ATTACHMENT_STATUS)) return undefined;
  const status = ATTACHMENT_STATUS[code]!;
  const type =
    status === 404 ? PROBLEM_TYPES.notFound : status === 400 ? PROBLEM_TYPES.validation : PROBLEM_TYPES.http;
  return portProblem(
    base,
    error as Error & { code: string },
    type,
    STATUS_TITLES[status] ?? 'Refused',
    status,
    {
      errors: [{ field: typeof field === 'string' ? field : 'file', message: error.message, code }],
    },
  );
}
