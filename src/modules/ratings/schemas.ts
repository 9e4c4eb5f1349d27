import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { CHANNELS, MAX_COMMENT, SELF_CHANNELS, STAGES, type Channel } from './dictionary.ts';

export const Id = Type.String({ pattern: UUID_PATTERN });
export const IdParams = Type.Object({ id: Id });
// Answers keep additionalProperties, as before: a field a view adds passes through to clients.
const Open = { additionalProperties: true } as const;
const Version = Type.Integer({ minimum: 1 });
const Stage = Type.Enum(STAGES);
const Rate = Type.Union([Type.Number(), Type.Null()]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const CodeName = Type.Object({ code: Type.String(), name: Type.String() });
const DimensionSet = Type.Enum(['online', 'offline']);

/** call back → verify → rectify → reply: what staff do with a rectification task, and where it stands. */
export const TASK_ACTIONS = ['callback', 'verify', 'rectify', 'reply'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const TASK_STATUSES = ['open', 'called_back', 'verified', 'rectified', 'replied', 'excluded'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
const AppealStatus = Type.Enum(['pending', 'upheld', 'rejected']);

/** The national dictionaries a rating form is built from. */
export const Dictionary = Type.Object(
  {
    levels: Type.Array(Type.Object({ level: Type.Integer(), code: Type.String(), name: Type.String() })),
    dimensions: Type.Object({ online: Type.Array(CodeName), offline: Type.Array(CodeName) }),
    badTags: Type.Array(CodeName),
    channels: Type.Array(Type.Enum(CHANNELS)),
  },
  Open,
);
export type Dictionary = Static<typeof Dictionary>;

/** What a rater says; the dictionaries are checked by the service (clear 422 codes). */
const content = {
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  dimensions: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 5 }), { maxProperties: 10 })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  comment: Type.Optional(Type.String({ maxLength: MAX_COMMENT })),
};
/** What a rater says: the level, per-dimension stars, bad-rating tags and a comment. */
export const RatingContent = Type.Object(content, { additionalProperties: false });
export type RatingContent = Static<typeof RatingContent>;
export const OwnRating = Type.Object({ caseId: Id, stage: Type.Optional(Stage), channel: Type.Enum(SELF_CHANNELS), ...content }, { additionalProperties: false });
export const TokenRating = RatingContent;
export const AssistedRating = Type.Object(
  { caseId: Id, stage: Type.Optional(Stage), channel: Type.Union([Type.Literal('hall_pad'), Type.Literal('hotline')]), windowId: Type.Optional(Id), ...content },
  { additionalProperties: false },
);
export const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

/** A rating as its rater and the responsible department see it. */
export const RatingView = Type.Object(
  {
    id: Id,
    caseId: Id,
    caseNumber: Type.String(),
    stage: Stage,
    itemName: Type.String(),
    departmentName: Type.String(),
    hallName: Nullable(Type.String()),
    windowName: Nullable(Type.String()),
    staffName: Nullable(Type.String()),
    channel: Type.Enum(CHANNELS),
    level: Type.Integer(),
    levelName: Type.String(),
    dimensions: Type.Record(Type.String(), Type.Integer()),
    tags: Type.Array(CodeName),
    comment: Type.String(),
    defaulted: Type.Boolean(),
    excluded: Type.Boolean(),
    excludedReason: Nullable(Type.String()),
    ratedAt: Type.String(),
  },
  Open,
);
export type RatingView = Static<typeof RatingView>;

/** A case waiting for the applicant's rating. */
export const Invitation = Type.Object(
  { caseId: Id, caseNumber: Type.String(), itemName: Type.String(), departmentName: Type.String(), stage: Stage, dimensionSet: DimensionSet, dueAt: Type.String() },
  Open,
);
export type Invitation = Static<typeof Invitation>;
/** The rater's own rating with the department's rectification and reply, once a bad rating opened one. */
export const MyRating = Type.Object(
  {
    ...RatingView.properties,
    rectification: Nullable(
      Type.Object({ status: Type.Enum(TASK_STATUSES), dueDate: Nullable(Type.String()), reply: Nullable(Type.String()), repliedAt: Nullable(Type.String()) }),
    ),
  },
  Open,
);
export type MyRating = Static<typeof MyRating>;
export const Mine = Type.Object({ invitations: Type.Array(Invitation), ratings: Type.Array(MyRating) }, Open);
export type Mine = Static<typeof Mine>;

/** What the SMS link shows before rating: the case and item, nothing personal. */
export const LinkInvitation = Type.Object(
  { caseNumber: Type.String(), itemName: Type.String(), departmentName: Type.String(), stage: Stage, status: Type.String(), dimensionSet: DimensionSet },
  Open,
);
export type LinkInvitation = Static<typeof LinkInvitation>;

/** The window pad's case: what the applicant is asked to rate and whether that is still open. */
export const PadCase = Type.Object({ caseId: Id, caseNumber: Type.String(), itemName: Type.String(), finished: Type.Boolean(), rated: Type.Boolean(), dimensionSet: DimensionSet });
export type PadCase = Static<typeof PadCase>;
export const PadWindow = Type.Object({ id: Id, number: Type.String(), name: Type.String(), hallId: Id, hallName: Type.String() }, Open);
export type PadWindow = Static<typeof PadWindow>;

const Step = Type.Union([Type.Object({ note: Nullable(Type.String()), at: Nullable(Type.String()) }), Type.Null()]);
/** A rectification task (整改) opened by a bad rating. */
export const TaskView = Type.Object(
  {
    id: Id,
    ratingId: Id,
    departmentId: Type.String(),
    status: Type.Enum(TASK_STATUSES),
    deadlineDays: Type.Integer(),
    dueDate: Type.String(),
    callback: Step,
    verification: Step,
    rectification: Step,
    reply: Nullable(Type.Object({ text: Nullable(Type.String()), at: Nullable(Type.String()) })),
    overdue: Type.Boolean(),
    escalatedAt: Nullable(Type.String()),
    appeal: Nullable(
      Type.Object({
        status: AppealStatus,
        reason: Nullable(Type.String()),
        at: Nullable(Type.String()),
        decisionNote: Nullable(Type.String()),
        decidedAt: Nullable(Type.String()),
      }),
    ),
    createdAt: Type.String(),
    version: Type.Integer(),
  },
  Open,
);
export type TaskView = Static<typeof TaskView>;
/** A task in the workbench list, with what its rating said. */
export const TaskRow = Type.Object(
  { ...TaskView.properties, level: Type.Integer(), itemName: Type.String(), departmentName: Type.String(), caseNumber: Type.String(), tags: Type.Array(Type.String()) },
  Open,
);
export type TaskRow = Static<typeof TaskRow>;
export const TaskList = Type.Object({ items: Type.Array(TaskRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, Open);
export type TaskList = Static<typeof TaskList>;
export const TaskDetail = Type.Object({ task: TaskView, rating: RatingView });
export type TaskDetail = Static<typeof TaskDetail>;
export const TaskQuery = Type.Object({
  status: Type.Optional(Type.Enum(TASK_STATUSES)),
  overdue: Type.Optional(Type.Boolean()),
  /** Tasks still to work on: neither answered nor excluded. */
  active: Type.Optional(Type.Boolean()),
  appeal: Type.Optional(AppealStatus),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
export const TaskActionParams = Type.Object({ id: Id, action: Type.Enum(TASK_ACTIONS) });
const Note = Type.String({ minLength: 1, maxLength: MAX_COMMENT, pattern: '\\S' });
export const TaskActionBody = Type.Object({ version: Version, note: Note }, { additionalProperties: false });
export const AppealBody = Type.Object({ version: Version, reason: Note }, { additionalProperties: false });
export const DecisionBody = Type.Object({ version: Version, decision: Type.Enum(['upheld', 'rejected']), note: Note }, { additionalProperties: false });

const Month = Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' });
const RegionCode = Type.String({ pattern: REGION_CODE_PATTERN });
export const GROUP_BYS = ['department', 'item', 'hall', 'window', 'region', 'staff'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const ResultQuery = Type.Object({
  month: Month,
  regionCode: RegionCode,
  by: Type.Enum(GROUP_BYS, { default: 'department' }),
  departmentId: Type.Optional(Id),
  itemId: Type.Optional(Id),
  hallId: Type.Optional(Id),
});
export const ExportQuery = Type.Object({ month: Month, regionCode: RegionCode, departmentId: Type.Optional(Id), itemId: Type.Optional(Id), hallId: Type.Optional(Id) });
export const PublicQuery = Type.Object({ month: Month, regionCode: RegionCode });

const figureFields = {
    total: Type.Integer(),
    /** Ratings that count: all but those excluded on appeal. */
    valid: Type.Integer(),
    excluded: Type.Integer(),
    defaulted: Type.Integer(),
    // Unsafe only names the keys the figures always carry; the JSON schema stays a record.
    byLevel: Type.Unsafe<Record<'1' | '2' | '3' | '4' | '5', number>>(Type.Record(Type.String(), Type.Integer())),
    byChannel: Type.Unsafe<Record<Channel, number>>(Type.Record(Type.String(), Type.Integer())),
    /** 满意率: 非常满意 + 满意 + 基本满意 ÷ valid; null without ratings. */
    satisfactionRate: Rate,
    /** Mean level on the 10-point scale (★5 = 10). */
    score: Rate,
    bad: Type.Integer(),
    badRate: Rate,
    tasks: Type.Integer(),
    replied: Type.Integer(),
    repliedOnTime: Type.Integer(),
    /** 按时整改率: replied on time ÷ tasks replied or past their due date. */
    onTimeRate: Rate,
};
/** The monthly figures of 好差评 (STANDARDS.md §1.2), for one group of ratings. */
export const Figures = Type.Object(figureFields, Open);
export type Figures = Static<typeof Figures>;
const Group = Type.Object({ key: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), ...figureFields }, Open);
export type GroupFigures = Static<typeof Group>;
const Ranked = Type.Object({ key: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), bad: Type.Integer(), valid: Type.Integer(), badRate: Rate });
export type Ranked = Static<typeof Ranked>;
/** The 12345 channel (回访 results of the hotline): 满意 / 基本满意 / 不满意 and 满意率 (满意 + 基本满意 ÷ results). */
const hotlineFields = {
  total: Type.Integer(),
  satisfied: Type.Integer(),
  basic: Type.Integer(),
  unsatisfied: Type.Integer(),
  satisfactionRate: Rate,
};
export const HotlineFigures = Type.Object(hotlineFields);
export type HotlineFigures = Static<typeof HotlineFigures>;
const HotlineGroup = Type.Object({ key: Type.String(), name: Type.String(), ...hotlineFields });
export type HotlineGroup = Static<typeof HotlineGroup>;

export const Report = Type.Object(
  {
    month: Type.String(),
    regionCode: Type.String(),
    by: Type.String(),
    summary: Figures,
    groups: Type.Array(Group),
    rankings: Type.Object({ departments: Type.Array(Ranked), items: Type.Array(Ranked) }),
    tags: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() })),
    /** 12345 回访 satisfaction of the period, by department (by county when grouped by region) */
    hotline: Type.Object({ summary: HotlineFigures, groups: Type.Array(HotlineGroup) }),
  },
  Open,
);
export type RatingReport = Static<typeof Report>;

export const Settings = Type.Object(
  {
    defaultAfterDays: Type.Integer({ minimum: 1, maximum: 30 }),
    rectifyWorkingDays: Type.Union([Type.Literal(5), Type.Literal(15)]),
    stages: Type.Array(Stage, { maxItems: 3, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type RatingSettings = Static<typeof Settings>;
