import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { AppError } from '../errors.ts';

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

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
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
