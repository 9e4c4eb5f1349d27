import { personalKindOf, type Form, type PersonalKind } from '../../kernel/guide/form.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskPersonal, personalKindByShape } from '../../kernel/validate/mask.ts';

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
    const kind = kinds[field] ?? before?.kind ?? personalKindByShape(value);
    if (!kind || empty(value)) {
      form_data[field] = value;
      continue;
    }
    form_data[field] = maskPersonal(kind, value);
    form_pii[field] = { kind, value: pii.encrypt(JSON.stringify(value)), index: typeof value === 'string' ? pii.index(value) : null };
  }
  return { form_data, form_pii };
}

/**
 * A form as a handler sees it — what `sealForm` keeps in `form_data` — without sealing anything:
 * for an answer that shows staff values before they are stored (the window's prefill).
 */
export function maskForm<T>(kinds: Record<string, PersonalKind>, data: Record<string, T>): Record<string, T | string> {
  const out: Record<string, T | string> = {};
  for (const [field, value] of Object.entries(data)) {
    const kind = kinds[field] ?? personalKindByShape(value);
    out[field] = kind && !empty(value) ? maskPersonal(kind, value) : value;
  }
  return out;
}

/** One sealed value in clear. */
export const openSealed = (pii: PersonalData, sealed: SealedValue): unknown => JSON.parse(pii.decrypt(sealed.value)) as unknown;

/** The clear form: for its applicant and for the server's own rules, never for a handler's list. */
export function openForm(pii: PersonalData, stored: StoredForm): Record<string, unknown> {
  const out = { ...stored.form_data };
  for (const [field, sealed] of Object.entries(stored.form_pii ?? {})) out[field] = openSealed(pii, sealed);
  return out;
}
