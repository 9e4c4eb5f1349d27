import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { ErrorBody } from './error-schema.ts';
import { validationFailure } from './validation.ts';

export function errorBody(lang: Lang, code: string, params: Record<string, string | number> = {}, details?: unknown): ErrorBody {
  return { error: { code, message: t(lang, `error.${code}`, params), ...(details === undefined ? {} : { details }) } };
}

// Fastify's own client-error codes mapped to ours; anything else 4xx becomes BAD_REQUEST.
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST'],
};

function toResponse(err: FastifyError | AppError, lang: Lang): { status: number; body: ErrorBody } | null {
  if (err instanceof AppError) return { status: err.status, body: errorBody(lang, err.code, err.params, err.details) };
  const validation = (err as FastifyError).validation as ErrorObject[] | undefined;
  if (validation?.length) return toResponse(validationFailure(validation[0]!, (err as FastifyError).validationContext), lang);
  const mapped = FASTIFY_CODES[(err as FastifyError).code ?? ''];
  if (mapped) return { status: mapped[0], body: errorBody(lang, mapped[1]) };
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return { status, body: errorBody(lang, status === 404 ? 'ROUTE_NOT_FOUND' : 'BAD_REQUEST') };
  return null;
}

export function installErrorHandling(app: FastifyInstance, notFound: (req: FastifyRequest, reply: FastifyReply) => unknown) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    // a service that hides a route from this caller answers exactly as an unknown path does
    if (err instanceof AppError && err.code === 'ROUTE_NOT_FOUND') return notFound(req, reply);
    const known = toResponse(err, req.lang);
    if (known) {
      if (known.status >= 500) req.log.error({ err }, 'request failed');
      return reply.status(known.status).send(known.body);
    }
    // Unexpected: log everything, tell the client nothing about internals.
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody(req.lang, 'INTERNAL'));
  });
  app.setNotFoundHandler(notFound);
}
