import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';
import { UPDATE_CYCLES } from './vocab.ts';

// The API of the base libraries' records, their issues, the exchange gateway, its call
// statistics and the citizen's data-use ledger.

const Id = Type.String({ pattern: UUID_PATTERN });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
/** Text a person writes: at least one character that is not a space. */
const Said = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const FieldKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** 信息资源代码. */
const ResourceCode = Type.String({ pattern: '^[1-3][0-9]{2,11}/[0-9]{6}$' });

/** Rows for a resource's 基础库: CSV text, an .xlsx file as base64 or a JSON array of objects. */
export const RecordLoad = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('json')]),
    content: Type.String({ minLength: 1, maxLength: 14_000_000 }),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RecordLoad = Static<typeof RecordLoad>;

export const RecordLoadReport = Type.Object({
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  /** Quality findings among the rows (loaded anyway, tracked as issues). */
  findings: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.Optional(Type.String()), code: Type.String(), reason: Type.String() })),
});
export type RecordLoadReport = Static<typeof RecordLoadReport>;

/** A resource's library in figures: records, and the quality rules' share of clean ones. */
export const RecordQuality = Type.Object({
  records: Type.Integer(),
  /** Records with no open finding of the rule, ÷ records (1 when there are none). */
  completeness: Type.Number(),
  format: Type.Number(),
  /** Records with no open issue at all ÷ records. */
  clean: Type.Number(),
  openIssues: Type.Integer(),
  fixedIssues: Type.Integer(),
  lastChangedAt: Nullable(Type.String()),
});
export type RecordQuality = Static<typeof RecordQuality>;

export const ISSUE_STATUSES = ['open', 'fixed', 'rejected'] as const;
export const DataIssue = Type.Object({
  id: Id,
  resourceId: Id,
  resourceCode: Type.String(),
  resourceName: Type.String(),
  keyShown: Type.String(),
  field: Type.String(),
  fieldName: Type.String(),
  source: Type.Union([Type.Literal('rule'), Type.Literal('report')]),
  rule: Nullable(Type.Union([Type.Literal('completeness'), Type.Literal('format'), Type.Literal('duplicate')])),
  description: Type.String(),
  reporterName: Nullable(Type.String()),
  status: Type.Enum(ISSUE_STATUSES),
  answer: Nullable(Type.String()),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type DataIssue = Static<typeof DataIssue>;

export const IssueListQuery = Type.Object({
  ...PageQuery.properties,
  resourceId: Type.Optional(Id),
  status: Type.Optional(Type.Enum(ISSUE_STATUSES)),
  source: Type.Optional(Type.Union([Type.Literal('rule'), Type.Literal('report')])),
});
export type IssueListQuery = Static<typeof IssueListQuery>;

/** 纠错: a user says a value of a record is wrong. */
export const IssueReport = Type.Object({ resourceId: Id, key: Text(100), field: FieldKey, description: Said(500) }, { additionalProperties: false });
export type IssueReport = Static<typeof IssueReport>;
export const IssueResolve = Type.Object(
  { version: Type.Integer({ minimum: 1 }), status: Type.Union([Type.Literal('fixed'), Type.Literal('rejected')]), answer: Said(500) },
  { additionalProperties: false },
);
export type IssueResolve = Static<typeof IssueResolve>;

/** A department system (an OIDC client) bound to the department whose grants it uses. */
export const DataSystem = Type.Object({
  clientId: Type.String(),
  clientName: Type.String(),
  departmentId: Id,
  departmentName: Type.String(),
  regionCode: Type.String(),
  rateLimit: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
  boundAt: Type.String(),
  version: Type.Integer(),
});
export type DataSystem = Static<typeof DataSystem>;
export const SystemBind = Type.Object(
  { clientId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }), departmentId: Id, rateLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) },
  { additionalProperties: false },
);
export type SystemBind = Static<typeof SystemBind>;
export const SystemChange = Type.Object(
  { version: Type.Integer({ minimum: 1 }), status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]), rateLimit: Type.Integer({ minimum: 1, maximum: 100000 }) },
  { additionalProperties: false },
);
export type SystemChange = Static<typeof SystemChange>;
export const ClientIdParams = Type.Object({ clientId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });

/** A gateway lookup: one record of a resource by its key, the fields wanted (default: all granted). */
export const GatewayQuery = Type.Object(
  {
    resource: ResourceCode,
    key: Text(100),
    fields: Type.Optional(Type.Array(FieldKey, { minItems: 1, maxItems: 300, uniqueItems: true })),
    /** What the caller uses the data for now (a case number, a task): logged and shown in the person's ledger. */
    purpose: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type GatewayQuery = Static<typeof GatewayQuery>;
export const GatewayAnswer = Type.Object({
  resource: Type.String(),
  fields: Type.Array(Type.String()),
  /** Personal values masked (脱敏) unless the grant gives them in clear. */
  record: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  masked: Type.Array(Type.String()),
  callId: Type.String(),
});
export type GatewayAnswer = Static<typeof GatewayAnswer>;

/** A bulk export page (批量交换): rows changed after a cursor, in change order. */
export const GatewayExport = Type.Object(
  {
    resource: ResourceCode,
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
    /** Only rows changed at or after this instant (incremental exchange). */
    changedSince: Type.Optional(Type.String({ format: 'date-time' })),
    /** The `next` of the previous page. */
    after: Type.Optional(Type.String({ pattern: '^\\d{1,18}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
    purpose: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type GatewayExport = Static<typeof GatewayExport>;

/** An export job (批量交换, asynchronous): the whole export under the grant, written to a file. */
export const ExportJobStart = Type.Object(
  {
    resource: ResourceCode,
    format: Type.Union([Type.Literal('json'), Type.Literal('csv')]),
    /** Only rows changed at or after this instant (incremental exchange: the last job's `lastChangedAt`). */
    changedSince: Type.Optional(Type.String({ format: 'date-time' })),
    purpose: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type ExportJobStart = Static<typeof ExportJobStart>;
/** A second start with the same key is the first job, not a new one. */
export const ExportJobHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' })) });
export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const ExportJob = Type.Object({
  id: Id,
  resource: Type.String(),
  format: Type.Union([Type.Literal('json'), Type.Literal('csv')]),
  changedSince: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  status: Type.Enum(EXPORT_JOB_STATUSES),
  /** Rows in the file (done jobs). */
  rows: Nullable(Type.Integer()),
  /** The refusal's code when the run was refused (failed jobs). */
  errorCode: Nullable(Type.String()),
  /** The newest change the file holds: the next job's `changedSince`. */
  lastChangedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  /** When the file is deleted. */
  expiresAt: Nullable(Type.String()),
  /** The file while it is kept: `GET …/export-jobs/:id/file`. */
  file: Nullable(Type.Object({ size: Type.Integer(), sm3: Type.String() })),
});
export type ExportJob = Static<typeof ExportJob>;
export const ExportJobParams = Type.Object({ id: Id });

export const CallStatsQuery = Type.Object({
  from: Day,
  to: Day,
  /** per resource, per calling department, or per day */
  by: Type.Union([Type.Literal('resource'), Type.Literal('department'), Type.Literal('day')]),
});
export type CallStatsQuery = Static<typeof CallStatsQuery>;
export const CallStats = Type.Object({
  items: Type.Array(
    Type.Object({ key: Type.String(), name: Type.String(), calls: Type.Integer(), answered: Type.Integer(), refused: Type.Integer(), rows: Type.Integer(), persons: Type.Integer(), p95Ms: Type.Number() }),
  ),
  total: Type.Object({ calls: Type.Integer(), answered: Type.Integer(), refused: Type.Integer() }),
});
export type CallStats = Static<typeof CallStats>;

export const CallListQuery = Type.Object({
  ...PageQuery.properties,
  /** Calls of these days (Asia/Shanghai), both optional. */
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  resourceId: Type.Optional(Id),
  outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('refused')])),
});
export type CallListQuery = Static<typeof CallListQuery>;
export const DataCall = Type.Object({
  id: Type.String(),
  at: Type.String(),
  clientId: Type.String(),
  systemName: Type.String(),
  departmentName: Nullable(Type.String()),
  resourceCode: Nullable(Type.String()),
  resourceName: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('lookup'), Type.Literal('export')]),
  purpose: Nullable(Type.String()),
  outcome: Type.String(),
  rows: Type.Integer(),
  persons: Type.Integer(),
  fields: Type.Array(Type.String()),
  latencyMs: Type.Integer(),
});
export type DataCall = Static<typeof DataCall>;

export const USE_KINDS = ['gateway', 'export', 'prefill', 'material', 'licence', 'reveal'] as const;
/** One use of the signed-in person's data (我的数据使用记录). */
export const DataUse = Type.Object({
  id: Type.String(),
  at: Type.String(),
  kind: Type.Enum(USE_KINDS),
  departmentName: Type.String(),
  system: Nullable(Type.String()),
  resourceName: Type.String(),
  /** The fields' names (信息项名称). */
  fields: Type.Array(Type.String()),
  purpose: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  report: Nullable(Type.Object({ id: Id, reason: Type.String(), status: Type.Union([Type.Literal('open'), Type.Literal('answered')]), answer: Nullable(Type.String()) })),
});
export type DataUse = Static<typeof DataUse>;
export const DataUseQuery = Type.Object({ ...PageQuery.properties, kind: Type.Optional(Type.Enum(USE_KINDS)) });
export type DataUseQuery = Static<typeof DataUseQuery>;
export const UseIdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) });
export const UseReport = Type.Object({ reason: Said(500) }, { additionalProperties: false });

/** A reported use, as the data bureau answers it. */
export const UseReportTask = Type.Object({
  id: Id,
  use: DataUse,
  reason: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('answered')]),
  answer: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type UseReportTask = Static<typeof UseReportTask>;
export const UseReportAnswer = Type.Object({ version: Type.Integer({ minimum: 1 }), answer: Said(1000) }, { additionalProperties: false });
export const UseReportListQuery = Type.Object({ ...PageQuery.properties, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered')])) });
export type UseReportListQuery = Static<typeof UseReportListQuery>;

/** Which resource (and field) serves a base-library key of the service catalogue (免填报 / 免提交). */
export const BaseFieldSource = Type.Object({
  key: Type.String(),
  resourceId: Id,
  resourceCode: Type.String(),
  resourceName: Type.String(),
  providerName: Type.String(),
  /** null: the record itself (a material it replaces). */
  fieldKey: Nullable(Type.String()),
  fieldName: Nullable(Type.String()),
  published: Type.Boolean(),
  setAt: Type.String(),
});
export type BaseFieldSource = Static<typeof BaseFieldSource>;
export const BaseFieldKeyParams = Type.Object({ key: Type.String({ pattern: '^[a-z_]+\\.[a-z_]+$', maxLength: 100 }) });
export const BaseFieldSourceSet = Type.Object({ resourceId: Id, fieldKey: Type.Optional(Nullable(FieldKey)) }, { additionalProperties: false });
export type BaseFieldSourceSet = Static<typeof BaseFieldSourceSet>;

/** An open dataset (开放数据集) as the public sees it. */
export const OpenDataset = Type.Object({
  code: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  className: Type.String(),
  providerName: Type.String(),
  openType: Type.Union([Type.Literal('open'), Type.Literal('conditional')]),
  openCondition: Nullable(Type.String()),
  updateCycle: Type.Enum(UPDATE_CYCLES),
  licence: Type.Object({ name: Type.String(), url: Type.String() }),
  records: Type.Integer(),
  downloads: Type.Integer(),
  lastChangedAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  fields: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), type: Type.String() })),
  /** 无条件开放: anyone downloads it; 有条件开放: applied for under its condition. */
  downloadable: Type.Boolean(),
});
export type OpenDataset = Static<typeof OpenDataset>;
export const OpenDatasetDetail = Type.Object({
  ...OpenDataset.properties,
  /** The first records (downloadable datasets only). */
  preview: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))),
});
export type OpenDatasetDetail = Static<typeof OpenDatasetDetail>;
export const OpenDatasetQuery = Type.Object({
  ...PageQuery.properties,
  classCode: Type.Optional(Type.String({ pattern: '^[1-3][0-9]{0,11}$' })),
});
export type OpenDatasetQuery = Static<typeof OpenDatasetQuery>;
export const OpenCodeQuery = Type.Object({ code: ResourceCode });
export const OpenDownloadQuery = Type.Object({ code: ResourceCode, format: Type.Union([Type.Literal('csv'), Type.Literal('json'), Type.Literal('xlsx')]) });
