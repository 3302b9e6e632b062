/** The error codes of the public API (api-contract.graphql). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** One offending input field: `path` names it as the client sent it (e.g. "input.title"). */
export interface FieldError {
  path: string;
  message: string;
}

/** Base of every error a client is meant to see; messages are French and shown as is. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** Extra `extensions` entries besides `code`. */
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly fields: FieldError[],
    message = fields.length === 1
      ? `${fields[0].path} : ${fields[0].message}`
      : 'Certaines données sont invalides.',
  ) {
    super(message);
  }

  static field(path: string, message: string): BadUserInputError {
    return new BadUserInputError([{ path, message }]);
  }

  override extensions(): Record<string, unknown> {
    return { fields: this.fields };
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Vous devez être connecté.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = "Vous n'avez pas les droits nécessaires pour cette action.") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message = "L'élément demandé est introuvable.") {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(
    readonly retryAfterSeconds: number,
    message = `Trop de tentatives. Réessayez dans ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`,
  ) {
    super(message);
  }

  override extensions(): Record<string, unknown> {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** Seconds a client is asked to wait (Retry-After) when a dependency does not answer. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * A dependency (the database) did not answer in time: nothing is wrong with the request,
 * it may be sent again later. HTTP 503 with Retry-After for the whole response.
 */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(
    readonly retryAfterSeconds = SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
    message = 'Le service est momentanément indisponible. Réessayez dans quelques secondes.',
  ) {
    super(message);
  }

  override extensions(): Record<string, unknown> {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * Collects every offending field of one input before failing, so that a client learns
 * about all of them at once.
 */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(path: string, message: string): this {
    this.errors.push({ path, message });
    return this;
  }

  check(ok: boolean, path: string, message: string): boolean {
    if (!ok) this.add(path, message);
    return ok;
  }

  get isEmpty(): boolean {
    return this.errors.length === 0;
  }

  get list(): readonly FieldError[] {
    return this.errors;
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new BadUserInputError([...this.errors]);
  }
}

/** A request past one of the GraphQL limits (depth, cost, time...): named by `limit`. */
export class RequestLimitError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly limit: string,
    message: string,
  ) {
    super(message);
  }

  override extensions(): Record<string, unknown> {
    return { limit: this.limit, fields: [{ path: 'query', message: this.message }] };
  }
}
