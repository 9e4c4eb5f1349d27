import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import type { FormFieldSchema, ItemContent } from './content.ts';

/**
 * Bodies and answers of the bundle routes (bundles.ts): what the data bureau sends, and what
 * the serialiser writes (the OpenAPI document shows the same). The service's types are these.
 */
const Str = Type.String();
const NullableStr = Type.Union([Type.String(), Type.Null()]);
const Json = Type.Record(Type.String(), Type.Unknown());
// Unsafe only names the static type of a part validated elsewhere; the JSON schema stays as it was.
const Prefill = Type.Unsafe<NonNullable<NonNullable<ItemContent['form']>['fields']>[string]['prefill']>(Json);

export const BUNDLE_CODE_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$';

export const BundleContent = Type.Object(
  {
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
    theme: Type.Optional(Type.String({ maxLength: 40 })),
    /** 一件事办事指南. */
    guide: Type.String({ maxLength: 8000 }),
    /** Promised limit of the whole bundle, working days (0 = 即办). */
    promisedLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    visits: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  },
  { additionalProperties: false },
);
export type BundleContent = Static<typeof BundleContent>;

export const BundleMemberInput = Type.Object(
  {
    /** 业务办理项编码 or an 实施编码 naming exactly one item. */
    itemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    /** A nested bundle's code. */
    bundleCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    step: Type.Integer({ minimum: 1, maximum: 50 }),
    optional: Type.Optional(Type.Boolean()),
    condition: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type BundleMemberInput = Static<typeof BundleMemberInput>;

export const BundleInput = Type.Object(
  {
    code: Type.String({ pattern: BUNDLE_CODE_PATTERN, maxLength: 60 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    regionCode: Type.String({ pattern: '^[0-9]{12}$' }),
    leadDepartmentId: Type.Optional(Type.String({ pattern: UUID_PATTERN })),
    audience: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
    content: BundleContent,
    members: Type.Array(BundleMemberInput, { minItems: 2, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type BundleInput = Static<typeof BundleInput>;

export const BUNDLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];

export const BundleRowSchema = Type.Object({
  id: Str,
  code: Str,
  name: Str,
  regionCode: Str,
  leadDepartmentId: NullableStr,
  audience: Type.Enum(['person', 'entity']),
  status: Type.Enum(BUNDLE_STATUSES),
  content: Type.Unsafe<BundleContent>(Json),
  version: Type.Integer(),
  createdAt: Str,
  updatedAt: Str,
  publishedAt: NullableStr,
});
export type BundleRow = Static<typeof BundleRowSchema>;

export const BundleListRowSchema = Type.Intersect([BundleRowSchema, Type.Object({ memberCount: Type.Integer() })]);
export type BundleListRow = Static<typeof BundleListRowSchema>;
export const BundlePageSchema = Type.Object({
  items: Type.Array(BundleListRowSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const Member = Type.Object({
  position: Type.Integer(),
  kind: Type.Enum(['item', 'bundle']),
  id: Str,
  code: Str,
  name: Str,
  step: Type.Integer(),
  optional: Type.Boolean(),
  condition: Str,
  /** The item (or nested bundle) is published, so the bundle can be applied for. */
  published: Type.Boolean(),
});
export type BundleMember = Static<typeof Member>;

/** A field of the merged form: asked once for every item that asks it or fills it from the same source. */
const MergedField = Type.Object({
  name: Str,
  title: Str,
  schema: Type.Unsafe<FormFieldSchema>(Json),
  prefill: Type.Optional(Prefill),
  required: Type.Boolean(),
  askedBy: Type.Array(Type.Object({ itemId: Str, code: Str, field: Str })),
});
export type MergedField = Static<typeof MergedField>;

/** A material of the merged list: listed once when items name it alike or a licence replaces it. */
const MergedMaterial = Type.Object({
  name: Str,
  necessity: Type.Enum(['required', 'optional', 'deferrable']),
  kind: Type.Enum(['original', 'copy', 'original_and_copy']),
  form: Type.Enum(['paper', 'electronic', 'paper_or_electronic']),
  source: Type.Enum(['applicant', 'government', 'intermediary', 'data_sharing']),
  replacedByLicenseType: Type.Optional(Str),
  replacedByBaseField: Type.Optional(Str),
  neededBy: Type.Array(Type.Object({ itemId: Str, code: Str, itemName: Str, material: Str })),
});
export type MergedMaterial = Static<typeof MergedMaterial>;

export const BundleDetailSchema = Type.Object({
  bundle: Type.Intersect([BundleRowSchema, Type.Object({ leadDepartmentName: NullableStr, itemCount: Type.Integer() })]),
  steps: Type.Array(Type.Object({ step: Type.Integer(), mode: Type.Enum(['parallel', 'sequence']), members: Type.Array(Member) })),
  /** Items of the bundle and of nested bundles, once each, in order. */
  items: Type.Array(Type.Object({ itemId: Str, code: Str, name: Str, versionNo: Type.Integer() })),
  form: Type.Object({ fields: Type.Array(MergedField), fieldsBeforeMerge: Type.Integer() }),
  materials: Type.Array(MergedMaterial),
  materialsBeforeMerge: Type.Integer(),
  guide: Type.Unsafe<BundleContent & { name: string }>(Json),
  permissions: Type.Object({ edit: Type.Boolean() }),
});
export type BundleDetail = Static<typeof BundleDetailSchema>;
