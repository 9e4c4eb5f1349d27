import { Type, type Static } from 'typebox';
import type { Form, Material } from '../../../kernel/api.ts';
import { CaseView } from '../schemas.ts';
import { DataMissing, Id, Json, Nullable, NullableStr, Open, PrefilledSources, Str } from '../schema-parts.ts';

/** 一窗受理 as the API takes and shows it: the applicant lookup, the item's form, the recorded case. */
// Lengths are loose on purpose: a mistyped number gets ID_NUMBER_INVALID / USCC_INVALID with the reason, not a generic 400.
const IdNumber = Type.String({ minLength: 1, maxLength: 40 });
const Uscc = Type.String({ minLength: 1, maxLength: 40 });

/** The applicant: a person by ID number, or an enterprise by USCC (with the agent who came, if any). */
export const ApplicantQuery = Type.Union([
  Type.Object({ idNumber: IdNumber }, { additionalProperties: false }),
  Type.Object({ uscc: Uscc, agentIdNumber: Type.Optional(IdNumber) }, { additionalProperties: false }),
]);
export type ApplicantQuery = Static<typeof ApplicantQuery>;
export const ApplicantQs = { idNumber: Type.Optional(IdNumber), uscc: Type.Optional(Uscc), agentIdNumber: Type.Optional(IdNumber) };

/** What the clerk sees of the applicant: identifiers masked (they hold the card in hand). */
export const ApplicantView = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
  name: Str,
  idNumber: NullableStr,
  phone: NullableStr,
  assuranceLevel: Nullable(Type.Integer()),
  uscc: NullableStr,
  /** For an enterprise: who comes to the window for it, and in which role. */
  representative: Nullable(Type.Object({ name: Str, idNumber: Str, role: Type.Enum(['legal_rep', 'agent']) })),
});
export type ApplicantView = Static<typeof ApplicantView>;

// The item's form and materials are the catalogue's validated content (kernel's service-guide
// parts): they pass through whole.
/**
 * What the clerk fills in for this applicant: the published version's form and materials, and
 * the fields identity fills in (masked; the server fills the clear values at submission).
 */
export const WindowForm = Type.Object({
  item: Type.Object(
    {
      id: Id,
      code: Str,
      name: Str,
      regionCode: Str,
      departmentId: Str,
      form: Nullable(Type.Unsafe<Form>(Json)),
      commitment: Type.Boolean(),
      /** `skipped`: the platform obtains it (免提交), nothing to scan; `dataMissing`: the library that would replace it holds nothing of the applicant. */
      materials: Type.Array(
        Type.Unsafe<Material & { key: string; skipped: boolean; dataMissing: { resourceName: string; providerName: string } | null }>(
          Type.Object({ key: Str, name: Str, skipped: Type.Boolean(), dataMissing: DataMissing }, Open),
        ),
      ),
    },
    Open,
  ),
  applicant: ApplicantView,
  prefill: Type.Record(Str, Str),
  /** The prefilled fields that came from a base library, with the resource, provider and field. */
  prefilledFrom: PrefilledSources,
});
export type WindowForm = Static<typeof WindowForm>;

export const WindowApplication = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: 80 }),
    applicant: ApplicantQuery,
    formData: Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 200 }),
    materials: Type.Array(
      Type.Object({ key: Type.String({ minLength: 1, maxLength: 60 }), ticket: Type.String({ minLength: 10, maxLength: 2000 }) }, { additionalProperties: false }),
      { maxItems: 100 },
    ),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }),
    windowId: Type.Optional(Id),
    /** 告知承诺制: the applicant signed the commitment in front of the clerk. */
    commitment: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WindowApplication = Static<typeof WindowApplication>;

// A submitted window case as answered to the clerk: no form data (it holds the applicant's identifiers in clear).
const { formData: _formData, ...caseFields } = CaseView.properties;
export const WindowCase = Type.Object({ ...caseFields, number: Str, channel: Type.Literal('window'), queryCode: Str, receiptUrl: Str }, Open);
export type WindowCase = Static<typeof WindowCase>;
export const WindowRecorded = Type.Object({ replayed: Type.Boolean(), case: WindowCase });
export type WindowRecorded = Static<typeof WindowRecorded>;

/** A scan kept for the application: the ticket the application cites it by. */
export const ScanTicket = Type.Object({ ticket: Str, fileName: Str, mime: Str, size: Type.Integer() });
export type ScanTicket = Static<typeof ScanTicket>;
