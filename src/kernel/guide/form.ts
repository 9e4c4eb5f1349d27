import { Type, type Static } from 'typebox';

// The application form of a service guide (办事指南): a JSON Schema subset for the values plus
// layout hints and prefill sources per field. The catalogue authors it, cases fill and check it,
// 一件事 merges several; so it lives here rather than in any one of them.

/** Where a field's value may come from, so the cases module can fill it (免填报). */
export const PREFILL_SOURCES = ['identity', 'base_library', 'license'] as const;

/**
 * Kinds of personal data a form field may hold (个人信息). The cases module keeps such values
 * SM4-encrypted with a blind index, shows them masked by kind, and lets a handler of the case
 * read one in clear with a reason (audited). Fields prefilled from the identity claims
 * `id_number` / `phone` (and the agent's) count as personal even when not declared.
 */
export const PERSONAL_KINDS = ['id_number', 'passport', 'phone', 'bank_account', 'address', 'email', 'name', 'other'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export const FormField = Type.Object(
  {
    personal: Type.Optional(Type.Enum(PERSONAL_KINDS)),
    prefill: Type.Optional(
      Type.Object(
        {
          source: Type.Enum(PREFILL_SOURCES),
          /** identity: a claim (name, id_number, phone, uscc …). */
          claim: Type.Optional(Type.String({ maxLength: 60 })),
          /** base_library: a base-library field (population.birthDate …). */
          field: Type.Optional(Type.String({ maxLength: 100 })),
          /** license: licence type and the field of it. */
          licenseTypeCode: Type.Optional(Type.String({ maxLength: 40 })),
          licenseField: Type.Optional(Type.String({ maxLength: 60 })),
        },
        { additionalProperties: false },
      ),
    ),
    group: Type.Optional(Type.String({ maxLength: 60 })),
    span: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
    widget: Type.Optional(Type.String({ maxLength: 30 })),
    order: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);

type FormFieldHint = Static<typeof FormField>;

/** Identity claims that are personal data by nature: a field they fill is personal even if not declared. */
export const PERSONAL_CLAIMS: Readonly<Record<string, PersonalKind>> = {
  id_number: 'id_number',
  agent_id_number: 'id_number',
  phone: 'phone',
  agent_phone: 'phone',
};

/** The personal kind of a field: as declared, else the one its identity prefill claim implies. */
export function personalKindOf(hint: FormFieldHint | undefined): PersonalKind | undefined {
  if (hint?.personal) return hint.personal;
  const p = hint?.prefill;
  return p?.source === 'identity' && p.claim ? PERSONAL_CLAIMS[p.claim] : undefined;
}

export const FormDefinition = Type.Object(
  {
    /** JSON Schema (draft 2020-12 subset) of the application form: an object schema. */
    schema: Type.Object({ type: Type.Literal('object') }, { additionalProperties: true }),
    /** Layout hints and prefill source per field name (top-level property of the schema). */
    fields: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), FormField)),
  },
  { additionalProperties: false },
);
export type FormDefinition = Static<typeof FormDefinition>;

/** One field's JSON Schema, typed as far as the pages read it (any other keyword passes). */
export interface FormFieldSchema {
  type?: string;
  title?: string;
  /** The choices of a select or radio field. */
  enum?: string[];
  pattern?: string;
  [k: string]: unknown;
}

/** A form as services and pages read it: the object schema's properties typed per field. */
export interface Form {
  schema: { type: 'object'; properties?: Record<string, FormFieldSchema>; required?: string[]; [k: string]: unknown };
  fields?: FormDefinition['fields'];
}
