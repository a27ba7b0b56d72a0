import type { FieldProblem } from './field-problem';

export interface ProblemDetails {
  status: number;
  type: string;
  title: string;
  detail?: string;
  instance?: string;
  fieldProblems: FieldProblem[];
}

/**
 * The server answered with an error status. Carries the RFC 9457 problem details (or what could be
 * recovered from a non-problem error body) so screens can show the field-level details in place.
 */
export class ApiProblemError extends Error implements ProblemDetails {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly fieldProblems: FieldProblem[];
  /** The body as received, for screens that need more than the top-level field (`address.city`). */
  readonly body?: unknown;

  constructor(problem: ProblemDetails, body?: unknown) {
    super(`HTTP ${problem.status}: ${problem.title}${problem.detail ? ` — ${problem.detail}` : ''}`);
    this.name = 'ApiProblemError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.fieldProblems = problem.fieldProblems;
    if (body !== undefined) this.body = body;
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }

  problemFor(field: string): FieldProblem | undefined {
    return this.fieldProblems.find((problem) => problem.field === field);
  }
}
