import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { AppError } from '../errors.ts';
import { findInvalidText } from '../validate/text.ts';
import { onFirstUse } from './lazy-compile.ts';

// ajv-formats ships CommonJS; its callable may sit on `.default` depending on the loader.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

function makeAjv(coerceTypes: boolean) {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

// Query strings and path parameters arrive as text and are coerced ('2' → 2); JSON bodies are
// not: a number where a string belongs is the client's mistake and must be reported.
const coercing = makeAjv(true);
const strict = makeAjv(false);

/** The ajv validator of one part of a route's request, compiled now. */
export const compileValidator = ({ schema, httpPart }: { schema: unknown; httpPart?: string }): ValidateFunction =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);

/** Fastify's validator compiler: each validator compiled on the route's first request (lazy-compile.ts). */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const compiled = onFirstUse(() => compileValidator(route));
  const validate = Object.assign(
    (data: unknown) => {
      const check = compiled();
      const ok = check(data);
      // Fastify reads a failure's errors off the function it called
      validate.errors = check.errors;
      return ok;
    },
    { errors: null as ValidateFunction['errors'] },
  );
  return validate as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** The field a validation error is about, as a dotted path a form can show it on. */
export function errorField(err: ErrorObject): string {
  const path = err.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = err.keyword === 'required' ? String((err.params as { missingProperty?: string }).missingProperty) : '';
  const extra =
    err.keyword === 'additionalProperties'
      ? String((err.params as { additionalProperty?: string }).additionalProperty)
      : '';
  return [path, missing || extra].filter(Boolean).join('.');
}

/** What a value that fails its schema answers: 400 VALIDATION_FAILED naming the first field. */
export function validationFailure(first: ErrorObject, part: string | undefined): AppError {
  const field = errorField(first) || part || 'body';
  const reason = first.message ?? first.keyword;
  return new AppError('VALIDATION_FAILED', 400, { field, reason }, { field, reason, keyword: first.keyword, part });
}

const checkers = new WeakMap<TSchema, ValidateFunction>();

/**
 * Check a service's input against the schema its route declares, as strictly as a JSON body:
 * callers that are not HTTP requests (the command line) get the same checks and the same error.
 */
export function assertValid<S extends TSchema>(schema: S, value: unknown, part = 'body'): asserts value is Static<S> {
  let check = checkers.get(schema);
  if (!check) checkers.set(schema, (check = strict.compile(schema as object)));
  if (!check(value)) throw validationFailure(check.errors![0]!, part);
}

/**
 * One rule for every route, before its schema is checked: no text the request carries — path
 * parameters, query string, body values and body keys — may hold a character `findInvalidText`
 * refuses (NUL, other C0 controls but tab/CR/LF, lone surrogates). 400 INVALID_CHARACTER naming
 * the part and the field. Bodies that are bytes (uploads, streamed statements) are not text and
 * pass; a body read as one string (a signed callback) is checked as a whole.
 */
export function installTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const parts: [string, unknown][] = [['params', req.params], ['query', req.query], ['body', req.body]];
    for (const [part, value] of parts) {
      const bad = findInvalidText(value);
      if (bad) {
        const field = bad.field || part;
        return done(new AppError('INVALID_CHARACTER', 400, { field, codePoint: bad.codePoint }, { part, field, in: bad.in, codePoint: bad.codePoint }));
      }
    }
    done();
  });
}
