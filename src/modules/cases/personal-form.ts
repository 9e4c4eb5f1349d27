import { personalKindOf, type Form, type PersonalKind } from '../../kernel/guide/form.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskIdNumber, maskPhone, validateIdNumber } from '../../kernel/validate/idcard.ts';

/**
 * Personal values of an application form at rest (issue #13.6). A stored form is two columns:
 * `form_data` holds every value a handler may see — the non-personal ones, and each personal one
 * masked by its kind — and `form_pii` holds, per personal field, its kind, the SM4 ciphertext of
 * its JSON value and the blind index of a text value (exact lookups without decrypting). Any read
 * that forgets to open the form therefore shows masked values; only the applicant's own answers,
 * the server-side rules (form check, 秒批, licence) and an audited reveal open it.
 */

export interface SealedValue {
  kind: PersonalKind;
  /** `personalData().encrypt(JSON.stringify(value))`: any JSON value round-trips. */
  value: string;
  /** `personalData().index(value)` of a text value, null for other values. */
  index: string | null;
}
export type SealedForm = Record<string, SealedValue>;

/** A form as its row stores it (`case_record`, `case_bundle`). */
export interface StoredForm {
  form_data: Record<string, unknown>;
  form_pii: SealedForm;
}

/** Field name → kind, for the fields a form declares personal (or fills from an ID number / phone claim). */
export function declaredKinds(form: Form | null | undefined): Record<string, PersonalKind> {
  const out: Record<string, PersonalKind> = {};
  for (const [name, hint] of Object.entries(form?.fields ?? {})) {
    const kind = personalKindOf(hint);
    if (kind) out[name] = kind;
  }
  return out;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Defence in depth for fields nobody declared (and rows of versions published before
 * declarations existed): a valid 公民身份号码 or a mainland mobile number is personal by its
 * shape; a structured value holding one anywhere is personal as a whole ('other').
 */
function kindByShape(value: unknown, nested = false): PersonalKind | undefined {
  if (typeof value === 'string') {
    const v = value.trim();
    if (MOBILE.test(v)) return nested ? 'other' : 'phone';
    if (v.length === 18 && validateIdNumber(v).ok) return nested ? 'other' : 'id_number';
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) if (kindByShape(inner, true)) return 'other';
  }
  return undefined;
}

const stars = (n: number) => '*'.repeat(Math.max(n, 1));

/** What a handler sees of a personal value: enough to recognise it, never enough to use it. */
export function maskValue(kind: PersonalKind, value: unknown): string {
  if (typeof value !== 'string') return '******';
  const v = value.trim();
  switch (kind) {
    case 'id_number':
      return maskIdNumber(v);
    case 'phone':
      return maskPhone(v);
    case 'bank_account':
      return v.length > 8 ? `${stars(v.length - 4)}${v.slice(-4)}` : stars(v.length);
    case 'address':
      // the city or district part stays readable; the street and number do not
      return `${[...v].slice(0, 6).join('')}****`;
    case 'email': {
      const at = v.indexOf('@');
      return at > 0 ? `${v[0]}***${v.slice(at)}` : '******';
    }
    case 'name':
      return `${[...v][0] ?? ''}${stars([...v].length - 1)}`;
    default:
      return '******';
  }
}

const empty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The clear form split for storage. `kinds` are the declared personal fields; a field sealed
 * before stays personal, and one personal by shape is sealed too. A masked value sent back
 * unchanged (a page that showed it masked) keeps the stored value instead of replacing it.
 */
export function sealForm(pii: PersonalData, kinds: Record<string, PersonalKind>, data: Record<string, unknown>, previous?: StoredForm): StoredForm {
  const form_data: Record<string, unknown> = {};
  const form_pii: SealedForm = {};
  for (const [field, value] of Object.entries(data)) {
    const before = previous?.form_pii[field];
    if (before && value === previous!.form_data[field]) {
      form_data[field] = value;
      form_pii[field] = before;
      continue;
    }
    const kind = kinds[field] ?? before?.kind ?? kindByShape(value);
    if (!kind || empty(value)) {
      form_data[field] = value;
      continue;
    }
    form_data[field] = maskValue(kind, value);
    form_pii[field] = { kind, value: pii.encrypt(JSON.stringify(value)), index: typeof value === 'string' ? pii.index(value) : null };
  }
  return { form_data, form_pii };
}

/** The clear form: for its applicant and for the server's own rules, never for a handler's list. */
export function openForm(pii: PersonalData, stored: StoredForm): Record<string, unknown> {
  const out = { ...stored.form_data };
  for (const [field, sealed] of Object.entries(stored.form_pii ?? {})) out[field] = JSON.parse(pii.decrypt(sealed.value)) as unknown;
  return out;
}
