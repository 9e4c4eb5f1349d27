import { Type, type Static } from 'typebox';

// The application form of a service guide (办事指南): a JSON Schema subset for the values plus
// layout hints and prefill sources per field. The catalogue authors it, cases fill and check it,
// 一件事 merges several; so it lives here rather than in any one of them.

/** Where a field's value may come from, so the cases module can fill it (免填报). */
export const PREFILL_SOURCES = ['identity', 'base_library', 'license'] as const;

export const FormField = Type.Object(
  {
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
