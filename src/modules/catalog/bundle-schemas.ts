import { Type } from 'typebox';

/** Response shapes of the bundle routes (bundles.ts), for validation-free serialisation and the OpenAPI document. */
const Str = Type.String();
const NullableStr = Type.Union([Type.String(), Type.Null()]);
const Json = Type.Record(Type.String(), Type.Unknown());

export const BundleRowSchema = Type.Object({
  id: Str,
  code: Str,
  name: Str,
  regionCode: Str,
  leadDepartmentId: NullableStr,
  audience: Str,
  status: Str,
  content: Json,
  version: Type.Integer(),
  createdAt: Str,
  updatedAt: Str,
  publishedAt: NullableStr,
});

export const BundlePageSchema = Type.Object({
  items: Type.Array(Type.Intersect([BundleRowSchema, Type.Object({ memberCount: Type.Integer() })])),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const Member = Type.Object({
  position: Type.Integer(),
  kind: Str,
  id: Str,
  code: Str,
  name: Str,
  step: Type.Integer(),
  optional: Type.Boolean(),
  condition: Str,
  published: Type.Boolean(),
});

export const BundleDetailSchema = Type.Object({
  bundle: Type.Intersect([BundleRowSchema, Type.Object({ leadDepartmentName: NullableStr, itemCount: Type.Integer() })]),
  steps: Type.Array(Type.Object({ step: Type.Integer(), mode: Str, members: Type.Array(Member) })),
  items: Type.Array(Type.Object({ itemId: Str, code: Str, name: Str, versionNo: Type.Integer() })),
  form: Type.Object({
    fields: Type.Array(
      Type.Object({
        name: Str,
        title: Str,
        schema: Json,
        prefill: Type.Optional(Json),
        required: Type.Boolean(),
        askedBy: Type.Array(Type.Object({ itemId: Str, code: Str, field: Str })),
      }),
    ),
    fieldsBeforeMerge: Type.Integer(),
  }),
  materials: Type.Array(
    Type.Object({
      name: Str,
      necessity: Str,
      kind: Str,
      form: Str,
      source: Str,
      replacedByLicenseType: Type.Optional(Str),
      replacedByBaseField: Type.Optional(Str),
      neededBy: Type.Array(Type.Object({ itemId: Str, code: Str, itemName: Str, material: Str })),
    }),
  ),
  materialsBeforeMerge: Type.Integer(),
  guide: Json,
  permissions: Type.Object({ edit: Type.Boolean() }),
});
