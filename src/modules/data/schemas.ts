import { Type, type Static } from 'typebox';
import { PERSONAL_KINDS } from '../../kernel/guide/form.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';
import {
  CLASS_CODE_PATTERN,
  FIELD_TYPES,
  OPEN_TYPES,
  RESOURCE_FORMATS,
  RESOURCE_STATUSES,
  SHARING_METHODS,
  SHARING_TYPES,
  UPDATE_CYCLES,
} from './vocab.ts';

const Id = Type.String({ pattern: UUID_PATTERN });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const IdParams = Type.Object({ id: Id });

/** 信息项: one field of a resource, with its own sharing type and personal-data class. */
export const ResourceField = Type.Object(
  {
    /** The column name department systems see in gateway answers. */
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
    /** 信息项名称. */
    name: Text(100),
    type: Type.Enum(FIELD_TYPES),
    length: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    /** 个人信息 class: masked (脱敏) by this kind unless a grant allows the clear value. */
    personal: Type.Optional(Type.Enum(PERSONAL_KINDS)),
    /** As open as the resource or less, never more. */
    sharingType: Type.Enum(SHARING_TYPES),
    /** 数据元: the data item this field carries (公民身份号码, 统一社会信用代码 …), for 一数一源. */
    dataItem: Type.Optional(Text(60)),
    /** This resource is the authoritative source (权威来源) of `dataItem`. */
    authoritative: Type.Optional(Type.Boolean()),
    /** 必填: every record holds a value (the completeness rule checks it); others may be empty. */
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ResourceField = Static<typeof ResourceField>;

const resourceProperties = {
  /** 分类码: 类 + 项 + 目 (+ 细目). */
  classCode: Type.String({ pattern: CLASS_CODE_PATTERN }),
  /** 信息资源名称. */
  name: Text(100),
  /** 信息资源摘要. */
  summary: Text(1000),
  format: Type.Enum(RESOURCE_FORMATS),
  sharingType: Type.Enum(SHARING_TYPES),
  /** 共享条件: what a requester must show (有条件共享); the legal basis (不予共享) goes in legalBasis. */
  sharingCondition: Type.Optional(Nullable(Text(500))),
  sharingMethod: Type.Enum(SHARING_METHODS),
  openType: Type.Enum(OPEN_TYPES),
  openCondition: Type.Optional(Nullable(Text(500))),
  updateCycle: Type.Enum(UPDATE_CYCLES),
  /** 来源系统: the department system the data comes from. */
  sourceSystem: Text(100),
  /** 法律依据: required for 不予共享 (国发〔2016〕51号). */
  legalBasis: Type.Optional(Nullable(Text(500))),
  /** 关联资源代码. */
  relatedCodes: Type.Optional(Type.Array(Text(40), { maxItems: 20 })),
  fields: Type.Array(ResourceField, { minItems: 1, maxItems: 300 }),
  /** 主键信息项: the field one record is found by through the gateway (its records are loaded by it). */
  keyField: Type.Optional(Nullable(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }))),
  /** The field holding the 12-digit region code of a row, for grants limited to a region. */
  regionField: Type.Optional(Nullable(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }))),
};

export const ResourceCreate = Type.Object(
  { providerDepartmentId: Id, ...resourceProperties },
  { additionalProperties: false },
);
export type ResourceCreate = Static<typeof ResourceCreate>;

/** A change of a resource: every field as it should be now, with the version it was read at. */
export const ResourceUpdate = Type.Object({ version: Type.Integer({ minimum: 1 }), ...resourceProperties }, { additionalProperties: false });
export type ResourceUpdate = Static<typeof ResourceUpdate>;

export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const RetireBody = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Text(500) }, { additionalProperties: false });

/** 一数一源: a data item more than one published resource claims to be the authoritative source of. */
export const SourceConflict = Type.Object({
  dataItem: Type.String(),
  resources: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), providerName: Type.String(), field: Type.String() })),
});
export type SourceConflict = Static<typeof SourceConflict>;

export const Resource = Type.Object({
  id: Id,
  /** 信息资源代码: 分类码/顺序码. */
  code: Type.String(),
  providerDepartmentId: Id,
  providerName: Type.String(),
  /** 提供方代码: the provider's 统一社会信用代码. */
  providerCode: Type.String(),
  regionCode: Type.String(),
  className: Type.String(),
  ...resourceProperties,
  sharingCondition: Nullable(Type.String()),
  openCondition: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  relatedCodes: Type.Array(Type.String()),
  keyField: Nullable(Type.String()),
  regionField: Nullable(Type.String()),
  status: Type.Enum(RESOURCE_STATUSES),
  version: Type.Integer(),
  /** How many versions its history holds: each publication, published change and retirement. */
  recordedVersions: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  /** The data items of this resource another published resource also claims as their source. */
  sourceConflicts: Type.Array(SourceConflict),
});
export type Resource = Static<typeof Resource>;

export const ResourceSummary = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  classCode: Type.String(),
  className: Type.String(),
  providerDepartmentId: Id,
  providerName: Type.String(),
  sharingType: Type.Enum(SHARING_TYPES),
  openType: Type.Enum(OPEN_TYPES),
  updateCycle: Type.Enum(UPDATE_CYCLES),
  status: Type.Enum(RESOURCE_STATUSES),
  fieldCount: Type.Integer(),
  /** The key field its records are found by (a 基础库 with records), or null. */
  keyField: Nullable(Type.String()),
  /** Records its library holds. */
  recordCount: Type.Integer(),
  /** Data items it shares an authoritative claim on with another published resource. */
  conflicted: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ResourceSummary = Static<typeof ResourceSummary>;

export const ResourceListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(RESOURCE_STATUSES)),
  sharingType: Type.Optional(Type.Enum(SHARING_TYPES)),
  providerDepartmentId: Type.Optional(Id),
  /** A class prefix: '1' every base resource, '101' the population ones. */
  classCode: Type.Optional(Type.String({ pattern: '^[1-3][0-9]{0,11}$' })),
  conflicted: Type.Optional(Type.Boolean()),
  /** Only resources with a key field: those whose records the libraries hold. */
  library: Type.Optional(Type.Boolean()),
});
export type ResourceListQuery = Static<typeof ResourceListQuery>;

export const ResourceVersion = Type.Object({
  versionNo: Type.Integer(),
  status: Type.Enum(RESOURCE_STATUSES),
  reason: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  at: Type.String(),
  content: Type.Record(Type.String(), Type.Unknown()),
});
export const ResourceVersions = Type.Object({ items: Type.Array(ResourceVersion) });

export const CatalogQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('ttl'), Type.Literal('jsonld')])) });

export const ExportQuery = Type.Object({ status: Type.Optional(Type.Enum(RESOURCE_STATUSES)), providerDepartmentId: Type.Optional(Id) });
/** A workbook in the national 目录 layout, base64; `dryRun` checks without storing. */
export const ImportBody = Type.Object({ content: Type.String({ minLength: 1, maxLength: 14_000_000 }), dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const Named = Type.Object({ code: Type.String(), name: Type.String() });
export const ImportReport = Type.Object({
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  resources: Type.Integer(),
  created: Type.Array(Named),
  updated: Type.Array(Named),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), column: Type.Optional(Type.String()), heading: Type.Optional(Type.String()), code: Type.String(), reason: Type.String() }),
  ),
});

export const DEMAND_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const FieldKeys = Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), { minItems: 1, maxItems: 300, uniqueItems: true });

/** 共享需求: fields of a published resource, for a purpose and with a legal basis. */
export const DemandCreate = Type.Object(
  { resourceId: Id, requesterDepartmentId: Id, fields: FieldKeys, purpose: Text(500), legalBasis: Text(500) },
  { additionalProperties: false },
);
export type DemandCreate = Static<typeof DemandCreate>;

/** The provider's approval: the scope of the grant (fields among those asked, rows, period, quota). */
export const DemandApprove = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    fields: FieldKeys,
    /** Only rows of this region subtree (e.g. the requester's county); absent: every row. */
    rowRegion: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    validTo: Day,
    dailyQuota: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    /** Personal fields among `fields` the grantee receives in clear; every other personal field is masked. */
    clearFields: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), { maxItems: 300, uniqueItems: true })),
    /** Bulk export (批量交换) of the granted rows, incremental by change time. */
    bulk: Type.Optional(Type.Boolean()),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type DemandApprove = Static<typeof DemandApprove>;
export const DemandRefuse = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Text(500) }, { additionalProperties: false });
export type DemandRefuse = Static<typeof DemandRefuse>;
export const DemandConfirm = Type.Object({ version: Type.Integer({ minimum: 1 }), satisfied: Type.Boolean(), note: Type.Optional(Text(500)) }, { additionalProperties: false });
export type DemandConfirm = Static<typeof DemandConfirm>;

export const Grant = Type.Object({
  id: Id,
  demandId: Nullable(Type.String()),
  resourceId: Id,
  resourceCode: Type.String(),
  resourceName: Type.String(),
  granteeDepartmentId: Id,
  granteeName: Type.String(),
  fields: Type.Array(Type.String()),
  rowRegion: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Type.String(),
  dailyQuota: Type.Integer(),
  clearFields: Type.Array(Type.String()),
  bulk: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  revokedReason: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Grant = Static<typeof Grant>;

export const Demand = Type.Object({
  id: Id,
  resourceId: Id,
  resourceCode: Type.String(),
  resourceName: Type.String(),
  providerDepartmentId: Id,
  providerName: Type.String(),
  requesterDepartmentId: Id,
  requesterName: Type.String(),
  fields: Type.Array(Type.String()),
  purpose: Type.String(),
  legalBasis: Type.String(),
  status: Type.Enum(DEMAND_STATUSES),
  /** The provider answers by this day (10 working days after the demand). */
  dueDate: Type.String(),
  overdue: Type.Boolean(),
  answeredAt: Nullable(Type.String()),
  /** 'system' when an unconditional resource was granted at once. */
  answeredBy: Nullable(Type.String()),
  answerNote: Nullable(Type.String()),
  satisfied: Nullable(Type.Boolean()),
  satisfactionNote: Nullable(Type.String()),
  grant: Nullable(Grant),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type Demand = Static<typeof Demand>;

export const DemandListQuery = Type.Object({
  ...PageQuery.properties,
  /** incoming: demands on the caller's resources; outgoing: the caller's department's own. */
  box: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]),
  status: Type.Optional(Type.Enum(DEMAND_STATUSES)),
});
export type DemandListQuery = Static<typeof DemandListQuery>;

export const GrantListQuery = Type.Object({
  ...PageQuery.properties,
  /** outgoing: grants the caller's departments hold; incoming: grants on the resources the caller keeps. */
  box: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('revoked')])),
});
export type GrantListQuery = Static<typeof GrantListQuery>;
export const GrantRevoke = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Text(500) }, { additionalProperties: false });
