import { validateIdNumber, validatePassportNumber, validateUscc } from '../../kernel/validate/index.ts';
import type { ResourceField } from './schemas.ts';

/** A value of a record as stored and answered: text, a number, a truth value or nothing. */
export type RecordValue = string | number | boolean | null;
export type RecordValues = Record<string, RecordValue>;

/** An error that stops a load (all or nothing): the row a person sees and the column. */
export interface LoadError {
  row: number;
  column?: string;
  code: 'UNKNOWN_COLUMN' | 'KEY_MISSING' | 'KEY_TWICE' | 'TYPE' | 'TOO_LONG' | 'NOT_OBJECT';
  reason: string;
}

/** What a quality rule finds in a row that is loaded anyway, tracked until a later load fixes it. */
export interface QualityFinding {
  field: string;
  rule: 'completeness' | 'format';
  description: string;
}

const TRUE = new Set(['true', '1', '是', 'y', 'yes']);
const FALSE = new Set(['false', '0', '否', 'n', 'no']);

/**
 * A cell as the field's type wants it; undefined when it does not fit. Empty text is null: a
 * missing value is a completeness finding, not a type error.
 */
export function typedValue(field: ResourceField, raw: unknown): RecordValue | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return undefined;
  const text = String(raw).trim();
  if (text === '') return null;
  switch (field.type) {
    case 'integer':
      return /^-?\d{1,15}$/.test(text) ? Number(text) : undefined;
    case 'decimal':
      return /^-?\d{1,15}(\.\d{1,10})?$/.test(text) ? Number(text) : undefined;
    case 'boolean':
      return TRUE.has(text.toLowerCase()) ? true : FALSE.has(text.toLowerCase()) ? false : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? text : undefined;
    case 'datetime':
      return Number.isNaN(Date.parse(text)) ? undefined : new Date(text).toISOString();
    case 'binary':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? text : undefined;
    default:
      return field.personal === 'id_number' || field.dataItem === '统一社会信用代码' ? text.toUpperCase() : text;
  }
}

/**
 * Data items that name a person or an organisation — a licence's holder (持证主体代码): a valid
 * 统一社会信用代码 or passport number there is as right as a 公民身份号码.
 */
const PERSON_OR_ENTITY_CODES = new Set(['持证主体代码']);

/** A personal 公民身份号码 field's value of the wrong shape. */
function badIdNumber(f: ResourceField, v: string): boolean {
  if (validateIdNumber(v).ok) return false;
  return !(PERSON_OR_ENTITY_CODES.has(f.dataItem ?? '') && (validateUscc(v).ok || validatePassportNumber(v).ok));
}

/**
 * The quality rules (数据质量): every 必填 field filled (completeness) and the values of known shapes
 * valid (format): 公民身份号码 with its check character, 统一社会信用代码 with its own, a region
 * field of 12 digits.
 */
export function qualityFindings(fields: ResourceField[], values: RecordValues, regionField: string | null): QualityFinding[] {
  const findings: QualityFinding[] = [];
  for (const f of fields) {
    const v = values[f.key];
    if (v === null || v === undefined) {
      if (f.required) findings.push({ field: f.key, rule: 'completeness', description: `${f.name}为空` });
      continue;
    }
    if (typeof v !== 'string') continue;
    if (f.personal === 'id_number' && badIdNumber(f, v)) findings.push({ field: f.key, rule: 'format', description: `${f.name}不是有效的公民身份号码` });
    else if (f.dataItem === '统一社会信用代码' && !validateUscc(v).ok) findings.push({ field: f.key, rule: 'format', description: `${f.name}不是有效的统一社会信用代码` });
    else if (f.key === regionField && !/^\d{12}$/.test(v)) findings.push({ field: f.key, rule: 'format', description: `${f.name}不是12位行政区划代码` });
  }
  return findings;
}

/** The ID numbers a row names (fields of the personal class 公民身份号码 holding a valid one). */
export function personIdNumbers(fields: ResourceField[], values: RecordValues): string[] {
  const ids = new Set<string>();
  for (const f of fields) {
    const v = values[f.key];
    if (f.personal === 'id_number' && typeof v === 'string' && validateIdNumber(v).ok) ids.add(v.toUpperCase());
  }
  return [...ids];
}
