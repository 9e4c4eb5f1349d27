import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError } from '../../../kernel/errors.ts';
import { errorField } from '../../../kernel/http/validation.ts';
import type { ItemContent } from '../../catalog/index.ts';
import type { PrefilledFrom } from '../model.ts';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

// All errors at once, so the applicant sees every field to fix; no coercion, no defaults
// written into the applicant's data.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);

// Published versions never change, so a compiled schema stays valid for the version's life.
const compiled = new Map<string, ValidateFunction>();

function validatorFor(versionId: string, schema: object): ValidateFunction {
  let fn = compiled.get(versionId);
  if (!fn) {
    if (compiled.size > 500) compiled.clear();
    fn = ajv.compile(schema);
    compiled.set(versionId, fn);
  }
  return fn;
}

/** Throws 422 FORM_INVALID with every failing field when the data does not fit the item's schema. */
export function validateForm(versionId: string, content: ItemContent, data: Record<string, unknown>): void {
  const schema = content.form?.schema;
  if (!schema) return;
  const validate = validatorFor(versionId, schema);
  if (validate(data)) return;
  const errors = (validate.errors ?? []).slice(0, 50).map((e) => ({ field: errorField(e), keyword: e.keyword, message: e.message ?? '' }));
  throw new AppError('FORM_INVALID', 422, { count: errors.length }, { errors });
}

export interface PrefillSources {
  person?: { name: string; idNumber: string; phone: string | null };
  enterprise?: { name: string; uscc: string };
  /** What the base libraries hold about the applicant, by base-library key (data module's libraryValues). */
  library?: ReadonlyMap<string, { value: unknown }>;
}

/** The base-library keys an item's form fields are prefilled from (population.household_address …). */
export function baseLibraryKeys(content: ItemContent): string[] {
  const keys = Object.values(content.form?.fields ?? {}).flatMap((def) => (def.prefill?.source === 'base_library' && def.prefill.field ? [def.prefill.field] : []));
  return [...new Set(keys)];
}

/** Which of an item's form fields the library values fill, and from which resource, provider and field. */
export function prefilledFrom(content: ItemContent, library: ReadonlyMap<string, PrefilledFrom>): Record<string, PrefilledFrom> {
  const from: Record<string, PrefilledFrom> = {};
  for (const [field, def] of Object.entries(content.form?.fields ?? {})) {
    const fill = def.prefill?.source === 'base_library' && def.prefill.field ? library.get(def.prefill.field) : undefined;
    if (fill) from[field] = { resourceName: fill.resourceName, providerName: fill.providerName, fieldName: fill.fieldName };
  }
  return from;
}

/** The sources of the prefilled values the applicant did not type over: a typed value is not the library's. */
export const untypedSources = (from: Record<string, PrefilledFrom>, typed: Record<string, unknown> = {}): Record<string, PrefilledFrom> =>
  Object.fromEntries(Object.entries(from).filter(([field]) => typed[field] === undefined));

/**
 * 免填报: values for form fields whose prefill source is the signed-in identity, or a base
 * library that holds the applicant (given in `src.library`). Licence sources are left empty
 * for the applicant.
 */
export function prefillValues(content: ItemContent, src: PrefillSources): Record<string, string> {
  const claims: Record<string, string | null | undefined> = {
    name: src.person?.name,
    id_number: src.person?.idNumber,
    phone: src.person?.phone,
    agent_name: src.person?.name,
    agent_id_number: src.person?.idNumber,
    agent_phone: src.person?.phone,
    uscc: src.enterprise?.uscc,
    entity_name: src.enterprise?.name,
    enterprise_name: src.enterprise?.name,
  };
  const out: Record<string, string> = {};
  for (const [field, def] of Object.entries(content.form?.fields ?? {})) {
    const p = def.prefill;
    const value = p?.source === 'identity' && p.claim ? claims[p.claim] : p?.source === 'base_library' && p.field ? src.library?.get(p.field)?.value : undefined;
    if (value !== undefined && value !== null && value !== '') out[field] = String(value);
  }
  return out;
}
