import { Type, type Static, type TProperties } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import type { ItemContent } from './content.ts';

/**
 * Response shapes of the item, guide, search, synonym and report routes (routes.ts), and the
 * types the services and the web app use for them. Objects that carry the content document or
 * other growing data stay open (additionalProperties: true) so the serialiser passes through
 * what is not declared here.
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

export const ITEM_STATUSES = ['draft', 'published', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const VERSION_STATUSES = ['draft', 'submitted', 'reviewed', 'published', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
/** What editors and the data bureau do to an item's newest version. */
export const TRANSITIONS = ['submit', 'withdraw', 'approve', 'reject', 'publish', 'retire'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** A quality issue with its message in the reader's language (rules.ts gives rule, field and params). */
const Issue = OpenObject({
  rule: Str,
  severity: Type.Enum(['error', 'warning']),
  /** Dotted path of the field the issue is about (for the editor to highlight). */
  field: Str,
  message: Str,
});
export type IssueView = Static<typeof Issue>;
export const QualitySchema = Type.Object({ ok: Type.Boolean(), errors: Type.Array(Issue), warnings: Type.Array(Issue) });
export type QualityView = Static<typeof QualitySchema>;

const ItemRowFields = {
  id: Str,
  code: Str,
  implementationCode: Str,
  basicCode: Str,
  regionCode: Str,
  departmentId: Str,
  status: Type.Enum(ITEM_STATUSES),
  publishedVersionId: NullableStr,
  popularity: Type.Integer(),
  viewCount: Type.Integer(),
  createdAt: Str,
  updatedAt: Str,
};
const ItemRow = OpenObject(ItemRowFields);
export type ItemRow = Static<typeof ItemRow>;

/** An item version; the API shows its stored quality report with messages (VersionView). */
const Version = OpenObject({
  id: Str,
  itemId: Str,
  versionNo: Type.Integer(),
  status: Type.Enum(VERSION_STATUSES),
  name: Str,
  typeCode: NullableStr,
  level: NullableStr,
  regionCode: Str,
  departmentId: Str,
  content: Content,
  contentHash: Str,
  quality: QualitySchema,
  qualityOk: Type.Boolean(),
  lockVersion: Type.Integer(),
  createdBy: NullableStr,
  createdAt: Str,
  updatedAt: Str,
  submittedAt: NullableStr,
  reviewedBy: NullableStr,
  reviewedAt: NullableStr,
  reviewComment: NullableStr,
  publishedAt: NullableStr,
  retiredAt: NullableStr,
});
export type VersionView = Static<typeof Version>;

/** Create, save, new draft and transition all answer the item and the version they touched. */
export const ItemWithVersionSchema = Type.Object({ item: ItemRow, version: Version });
export { Version as VersionSchema };

const VersionSummary = OpenObject({
  id: Str,
  versionNo: Type.Integer(),
  status: Type.Enum(VERSION_STATUSES),
  name: Str,
  qualityOk: Type.Boolean(),
  createdAt: Str,
  updatedAt: Str,
  publishedAt: NullableStr,
  reviewComment: NullableStr,
});
export type VersionSummary = Static<typeof VersionSummary>;

export const ItemDetailSchema = OpenObject({
  item: OpenObject({ ...ItemRowFields, departmentName: NullableStr }),
  versions: Type.Array(VersionSummary),
  /** The newest version the actor may see (the draft for editors, the published one for others). */
  current: Version,
  permissions: Type.Object({ edit: Type.Boolean(), review: Type.Boolean() }),
});
export type ItemDetailView = Static<typeof ItemDetailSchema>;

const ItemListRow = OpenObject({
  id: Str,
  code: Str,
  name: Str,
  status: Type.Enum(ITEM_STATUSES),
  versionNo: Type.Integer(),
  versionStatus: Type.Enum(VERSION_STATUSES),
  typeCode: NullableStr,
  regionCode: Str,
  departmentId: Str,
  qualityOk: Type.Boolean(),
  updatedAt: Str,
});
export type ItemListRow = Static<typeof ItemListRow>;
export const ItemPageSchema = Type.Object({
  items: Type.Array(ItemListRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const Change = OpenObject({
  /** Dotted path; array elements matched by identity appear as `materials[身份证]`. */
  path: Str,
  op: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
export type Change = Static<typeof Change>;
export const DiffSchema = Type.Object({ from: Type.Integer(), to: Type.Integer(), changes: Type.Array(Change) });

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

export type GuideHall = Static<typeof GuideHallSchema>;

const NullableInt = Nullable(Type.Integer());
const GuideLimit = Nullable(Type.Object({ immediate: Type.Boolean(), days: Type.Integer(), note: NullableStr }));

/** One step of the guide's 办理流程, as a case of the item runs it (guide-process.ts). */
const GuideStepSchema = Type.Object({
  key: Str,
  name: Str,
  kind: Type.Enum(['accept', 'review', 'decide', 'special', 'payment']),
  /** special: which procedure, its working days (null when the item states none), whether they count in the limit. */
  procedure: Type.Optional(Str),
  days: Type.Optional(NullableInt),
  countedInLimit: Type.Optional(Type.Boolean()),
  /** payment: the fixed fee (null when assessed at the decision), days to pay, whether it follows the decision. */
  amountFen: Type.Optional(NullableInt),
  payWithinDays: Type.Optional(Type.Integer()),
  afterDecision: Type.Optional(Type.Boolean()),
});
export type GuideStep = Static<typeof GuideStepSchema>;

export const GuideProcessSchema = Type.Object({
  steps: Type.Array(GuideStepSchema),
  statutoryLimit: GuideLimit,
  promisedLimit: GuideLimit,
  specialProcedures: Type.Array(Type.Object({ name: Str, countedInLimit: Type.Boolean(), days: NullableInt, note: NullableStr })),
});
export type GuideProcess = Static<typeof GuideProcessSchema>;

/**
 * A material the platform obtains itself (免提交): `data` for everyone; `licence` for whoever
 * holds a valid e-licence of the type (named), so the guide says so only for types it keeps.
 */
const GuideNoSubmitSchema = Type.Object({ key: Str, via: Type.Enum(['data', 'licence']), licenceTypeName: NullableStr });
export type GuideNoSubmit = Static<typeof GuideNoSubmitSchema>;

/** 办事指南: the published version of an item, with the names a reader needs. */
export const GuideSchema = OpenObject({
  itemId: Str,
  versionId: Str,
  versionNo: Type.Integer(),
  code: Str,
  name: Str,
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
  process: GuideProcessSchema,
  noSubmit: Type.Array(GuideNoSubmitSchema),
});
export type Guide = Static<typeof GuideSchema>;

export const PublishedRefSchema = Type.Object({
  itemId: Str,
  versionId: Str,
  versionNo: Type.Integer(),
  code: Str,
  name: Str,
  regionCode: Str,
  departmentId: Str,
});

/** Filters of the search and suggestion routes (the portal's lists are searches with filters). */
export const SearchFilterFields = {
  departmentId: Type.Optional(Type.String({ pattern: UUID_PATTERN, description: 'unknown: 400 CATALOG_DEPARTMENT_UNKNOWN' })),
  typeCode: Type.Optional(Type.String({ maxLength: 20, description: 'unknown: 400 ITEM_TYPE_UNKNOWN' })),
  theme: Type.Optional(Type.String({ maxLength: 40, description: 'a theme code (themes.ts); unknown: 400 CATALOG_THEME_UNKNOWN' })),
  audience: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('entity')], { description: '个人 / 法人: which theme list `theme` is from' })),
  online: Type.Optional(Type.Boolean({ description: '可网办 items only' })),
  object: Type.Optional(Type.String({ maxLength: 40 })),
  regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })),
  kind: Type.Optional(Type.Union([Type.Literal('item'), Type.Literal('bundle')])),
};
export const SearchQuerySchema = Type.Object({
  // Length is checked by the service to answer SEARCH_QUERY_TOO_LONG rather than a generic 400.
  q: Type.Optional(Type.String()),
  ...SearchFilterFields,
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
});
export type SearchQuery = Static<typeof SearchQuerySchema>;

const SearchResult = OpenObject({
  id: Str,
  kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]),
  code: Str,
  name: Str,
  departmentName: Str,
  regionCode: Str,
  typeCode: NullableStr,
  /** What the portal shows as tags; null for a bundle. */
  tags: Nullable(
    Type.Object({
      online: Type.Boolean({ description: '可网办: online depth Ⅲ or more' }),
      visits: Nullable(Type.Integer()),
      promisedLimit: Nullable(Type.Object({ immediate: Type.Boolean(), days: Type.Integer({ description: 'working days' }) })),
    }),
  ),
  score: Type.Number(),
  matched: Type.Array(Str),
});
export type SearchResult = Static<typeof SearchResult>;
const Count = Type.Integer({ minimum: 0 });
const AudienceSchema = Type.Union([Type.Literal('person'), Type.Literal('entity')]);
/** Counts beside each filter, each over the hits passing the other filters (search/facets.ts). */
const FacetsSchema = Type.Object({
  departments: Type.Array(Type.Object({ id: Str, name: Str, count: Count })),
  themes: Type.Array(Type.Object({ audience: AudienceSchema, code: Str, count: Count })),
  types: Type.Array(Type.Object({ code: Str, count: Count })),
  online: Count,
});
export type SearchFacets = Static<typeof FacetsSchema>;
export const SearchResultSchema = Type.Object({
  total: Type.Integer(),
  offset: Type.Integer(),
  tookMs: Type.Number(),
  items: Type.Array(SearchResult),
  facets: FacetsSchema,
});
export type SearchPage = Static<typeof SearchResultSchema>;

/** 办事 by theme, department and 一件事, with the published items (and bundles) of each. */
export const BrowseSchema = Type.Object({
  themes: Type.Array(Type.Object({ audience: AudienceSchema, code: Str, items: Count, bundles: Count })),
  departments: Type.Array(Type.Object({ id: Str, name: Str, items: Count })),
  bundles: Type.Array(Type.Object({ id: Str, code: Str, name: Str, audience: AudienceSchema, theme: NullableStr, items: Count })),
});
export type Browse = Static<typeof BrowseSchema>;

export const SuggestionsSchema = Type.Object({
  items: Type.Array(Type.Object({ text: Str, id: Str, kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]), code: Str })),
});

export const SynonymSchema = Type.Object({ id: Str, words: Type.Array(Str), regionCode: Str, version: Type.Integer(), updatedAt: Str });
export type SynonymGroup = Static<typeof SynonymSchema>;
export const SynonymListSchema = Type.Object({ items: Type.Array(SynonymSchema) });

/** An implementation whose value of an element differs from the one most implementations share. */
const Deviation = OpenObject({ element: Str, regionCode: Str, itemId: Str, code: Str, value: Type.Optional(Type.Unknown()), standard: Type.Optional(Type.Unknown()) });
const ConsistencyGroup = OpenObject({ basicCode: Str, name: Str, regions: Type.Integer(), consistent: Type.Boolean(), deviations: Type.Array(Deviation) });
export type ConsistencyGroup = Static<typeof ConsistencyGroup>;
export const ConsistencySchema = Type.Object({ checked: Type.Integer(), inconsistent: Type.Integer(), groups: Type.Array(ConsistencyGroup) });
export type ConsistencyReport = Static<typeof ConsistencySchema>;

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
