import { Type, type TProperties } from 'typebox';
import type { ItemContent } from './content.ts';

/**
 * Response shapes of the item, guide, search, synonym and report routes (routes.ts). The stable
 * fields are declared; objects that carry the content document or other growing data stay open
 * (additionalProperties: true) so the serialiser passes through what is not declared here.
 */
const Open = { additionalProperties: true } as const;
const OpenObject = <T extends TProperties>(props: T) => Type.Object(props, Open);
const Str = Type.String();
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const NullableStr = Nullable(Type.String());
// The content document is validated on save (ItemContent); here it only passes through whole.
const Content = Type.Unsafe<ItemContent>({ type: 'object', additionalProperties: true, description: 'ItemContent document' });

const Dictionary = <T extends TProperties>(row: T) => Type.Object({ items: Type.Array(OpenObject(row)) });
export const ItemTypesSchema = Dictionary({ code: Str, name: Str, letter: Str, applicationBased: Type.Boolean() });
export const LicenseTypesSchema = Dictionary({ code: Str, name: Str, holder: Str, departmentCode: Str });
export const BaseFieldsSchema = Dictionary({ key: Str, label: Str, library: Str, provider: Str });

const Issue = OpenObject({ rule: Str, severity: Str, field: Str, message: Str });
export const QualitySchema = Type.Object({ ok: Type.Boolean(), errors: Type.Array(Issue), warnings: Type.Array(Issue) });

const ItemRow = OpenObject({
  id: Str,
  code: Str,
  implementationCode: Str,
  basicCode: Str,
  regionCode: Str,
  departmentId: Str,
  status: Str,
  publishedVersionId: NullableStr,
});

const Version = OpenObject({
  id: Str,
  itemId: Str,
  versionNo: Type.Integer(),
  status: Str,
  name: Str,
  typeCode: NullableStr,
  regionCode: Str,
  departmentId: Str,
  content: Content,
  qualityOk: Type.Boolean(),
  quality: QualitySchema,
  lockVersion: Type.Integer(),
});

/** Create, save, new draft and transition all answer the item and the version they touched. */
export const ItemWithVersionSchema = Type.Object({ item: ItemRow, version: Version });
export { Version as VersionSchema };

export const ItemDetailSchema = OpenObject({
  item: ItemRow,
  versions: Type.Array(OpenObject({ id: Str, versionNo: Type.Integer(), status: Str, name: Str, qualityOk: Type.Boolean() })),
  current: Version,
  permissions: Type.Object({ edit: Type.Boolean(), review: Type.Boolean() }),
});

export const ItemPageSchema = Type.Object({
  items: Type.Array(
    OpenObject({
      id: Str,
      code: Str,
      name: Str,
      status: Str,
      versionNo: Type.Integer(),
      versionStatus: Str,
      typeCode: NullableStr,
      regionCode: Str,
      departmentId: Str,
      qualityOk: Type.Boolean(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const DiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(OpenObject({ path: Str, op: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]) })),
});

const Coordinate = Nullable(Type.Number());
export const GuideHallSchema = Type.Object({
  id: Str,
  name: Str,
  regionCode: Str,
  regionName: Str,
  address: Str,
  phone: Str,
  openingHours: Str,
  latitude: Coordinate,
  longitude: Coordinate,
});

export const GuideSchema = OpenObject({
  itemId: Str,
  versionId: Str,
  versionNo: Type.Integer(),
  code: Str,
  implementationCode: Str,
  basicCode: Str,
  regionCode: Str,
  regionName: Str,
  departmentId: Str,
  departmentName: Str,
  typeName: Str,
  publishedAt: Str,
  content: Content,
  bundles: Type.Array(Type.Object({ id: Str, code: Str, name: Str })),
  halls: Type.Array(GuideHallSchema, { description: 'Service halls handling the item; positions in WGS-84 degrees' }),
});

export const PublishedRefSchema = Type.Object({
  itemId: Str,
  versionId: Str,
  versionNo: Type.Integer(),
  code: Str,
  name: Str,
  regionCode: Str,
  departmentId: Str,
});

export const SearchResultSchema = Type.Object({
  total: Type.Integer(),
  tookMs: Type.Number(),
  items: Type.Array(
    OpenObject({
      id: Str,
      kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]),
      code: Str,
      name: Str,
      departmentName: Str,
      regionCode: Str,
      typeCode: NullableStr,
      score: Type.Number(),
      matched: Type.Array(Str),
    }),
  ),
});

export const SuggestionsSchema = Type.Object({
  items: Type.Array(Type.Object({ text: Str, id: Str, kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]), code: Str })),
});

export const SynonymSchema = Type.Object({ id: Str, words: Type.Array(Str), regionCode: Str, version: Type.Integer(), updatedAt: Str });
export const SynonymListSchema = Type.Object({ items: Type.Array(SynonymSchema) });

export const ConsistencySchema = Type.Object({
  checked: Type.Integer(),
  inconsistent: Type.Integer(),
  groups: Type.Array(
    OpenObject({
      basicCode: Str,
      name: Str,
      regions: Type.Integer(),
      consistent: Type.Boolean(),
      deviations: Type.Array(OpenObject({ element: Str, regionCode: Str, itemId: Str, code: Str })),
    }),
  ),
});

const Indicator = OpenObject({ key: Str, numerator: Type.Integer(), denominator: Type.Integer(), value: Nullable(Type.Number()), unit: Str });
export const IndicatorInputsSchema = OpenObject({
  regionCode: Str,
  departmentId: NullableStr,
  items: Type.Integer(),
  indicators: Type.Array(Indicator),
  byDepartment: Type.Array(OpenObject({ departmentId: Str, indicators: Type.Array(Indicator) })),
});

export const NoContentSchema = Type.Null({ description: 'No content' });

/** The spreadsheet itself; the serialiser sends a Buffer as it is. */
export const WorkbookSchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'xlsx workbook (X-Item-Count header: rows)' });
