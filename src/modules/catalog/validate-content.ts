import { Ajv, type ErrorObject } from 'ajv';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorField } from '../../kernel/http/validation.ts';
import { ItemContent } from './content.ts';

// Same settings as the HTTP body validator: no coercion, defaults applied, nothing stripped.
const ajv = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
const validate = ajv.compile(ItemContent);

export function contentErrors(content: unknown): { field: string; reason: string }[] {
  if (validate(content)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => ({ field: errorField(e) || 'content', reason: e.message ?? e.keyword }));
}

/** Throws 400 VALIDATION_FAILED with the first offending field (content.<path>). */
export function assertContent(content: unknown): ItemContent {
  const errors = contentErrors(content);
  if (errors.length) {
    const { field, reason } = errors[0]!;
    throw new AppError('VALIDATION_FAILED', 400, { field: `content.${field}`, reason }, { field: `content.${field}`, reason });
  }
  return content as ItemContent;
}

export const contentHash = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');
