/**
 * The one error model. Services throw AppError with a stable code; the HTTP layer turns it
 * into `{ error: { code, message, details } }` with the message in the request's language
 * (resource keys `error.<CODE>` in src/kernel/i18n/*.json).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  /** Values interpolated into the translated message, e.g. { field: 'uscc' }. */
  readonly params: Record<string, string | number>;
  /** Machine-readable extra information returned to the client. */
  readonly details?: unknown;

  constructor(code: string, status: number, params: Record<string, string | number> = {}, details?: unknown) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = params;
    this.details = details;
  }
}

export const badRequest = (details?: unknown) => new AppError('BAD_REQUEST', 400, {}, details);
export const validationFailed = (field: string, reason: string, details?: unknown) =>
  new AppError('VALIDATION_FAILED', 400, { field, reason }, details ?? { field, reason });
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);
export const forbidden = (details?: unknown) => new AppError('FORBIDDEN', 403, {}, details);
export const notFound = (entity: string, id: string) =>
  new AppError('NOT_FOUND', 404, { entity, id }, { entity, id });
export const conflict = (code: string, params: Record<string, string | number> = {}, details?: unknown) =>
  new AppError(code, 409, params, details ?? params);
export const unprocessable = (code: string, params: Record<string, string | number> = {}, details?: unknown) =>
  new AppError(code, 422, params, details ?? params);

/** PostgreSQL SQLSTATE of a driver error (both pg and PGlite expose `code`). */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';
export const isForeignKeyViolation = (err: unknown) => sqlState(err) === '23503';
