import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

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
