import { Type } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { CHANNELS, MAX_COMMENT, SELF_CHANNELS, STAGES } from './dictionary.ts';
import { TASK_ACTIONS } from './tasks.ts';

export const Id = Type.String({ pattern: UUID_PATTERN });
export const IdParams = Type.Object({ id: Id });
const Open = { additionalProperties: true } as const;
const Version = Type.Integer({ minimum: 1 });
const Stage = Type.Enum(STAGES);
const Rate = Type.Union([Type.Number(), Type.Null()]);

/** What a rater says; the dictionaries are checked by the service (clear 422 codes). */
const content = {
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  dimensions: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 5 }), { maxProperties: 10 })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  comment: Type.Optional(Type.String({ maxLength: MAX_COMMENT })),
};
export const OwnRating = Type.Object({ caseId: Id, stage: Type.Optional(Stage), channel: Type.Enum(SELF_CHANNELS), ...content }, { additionalProperties: false });
export const TokenRating = Type.Object(content, { additionalProperties: false });
export const AssistedRating = Type.Object(
  { caseId: Id, stage: Type.Optional(Stage), channel: Type.Union([Type.Literal('hall_pad'), Type.Literal('hotline')]), windowId: Type.Optional(Id), ...content },
  { additionalProperties: false },
);
export const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

export const RatingView = Type.Object(
  { id: Id, caseId: Id, stage: Stage, channel: Type.Enum(CHANNELS), level: Type.Integer(), comment: Type.String(), defaulted: Type.Boolean(), excluded: Type.Boolean() },
  Open,
);
export const Mine = Type.Object({ invitations: Type.Array(Type.Object({ caseId: Id, stage: Stage }, Open)), ratings: Type.Array(RatingView) }, Open);

export const TaskView = Type.Object({ id: Id, ratingId: Id, status: Type.String(), dueDate: Type.String(), overdue: Type.Boolean(), version: Type.Integer() }, Open);
export const TaskList = Type.Object({ items: Type.Array(TaskView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, Open);
export const TaskQuery = Type.Object({
  status: Type.Optional(Type.Enum(['open', 'called_back', 'verified', 'rectified', 'replied', 'excluded'])),
  overdue: Type.Optional(Type.Boolean()),
  /** Tasks still to work on: neither answered nor excluded. */
  active: Type.Optional(Type.Boolean()),
  appeal: Type.Optional(Type.Enum(['pending', 'upheld', 'rejected'])),
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
export const ResultQuery = Type.Object({
  month: Month,
  regionCode: RegionCode,
  by: Type.Enum(['department', 'item', 'hall', 'window', 'region', 'staff'], { default: 'department' }),
  departmentId: Type.Optional(Id),
  itemId: Type.Optional(Id),
  hallId: Type.Optional(Id),
});
export const ExportQuery = Type.Object({ month: Month, regionCode: RegionCode, departmentId: Type.Optional(Id), itemId: Type.Optional(Id), hallId: Type.Optional(Id) });
export const PublicQuery = Type.Object({ month: Month, regionCode: RegionCode });

const figureFields = {
    total: Type.Integer(),
    valid: Type.Integer(),
    excluded: Type.Integer(),
    defaulted: Type.Integer(),
    byLevel: Type.Record(Type.String(), Type.Integer()),
    byChannel: Type.Record(Type.String(), Type.Integer()),
    satisfactionRate: Rate,
    score: Rate,
    bad: Type.Integer(),
    badRate: Rate,
    tasks: Type.Integer(),
    replied: Type.Integer(),
    repliedOnTime: Type.Integer(),
    onTimeRate: Rate,
};
const Figures = Type.Object(figureFields, Open);
const Group = Type.Object({ key: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), ...figureFields }, Open);
const Ranked = Type.Object({ key: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), bad: Type.Integer(), valid: Type.Integer(), badRate: Rate });
export const Report = Type.Object(
  {
    month: Type.String(),
    regionCode: Type.String(),
    by: Type.String(),
    summary: Figures,
    groups: Type.Array(Group),
    rankings: Type.Object({ departments: Type.Array(Ranked), items: Type.Array(Ranked) }),
    tags: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() })),
  },
  Open,
);

export const Settings = Type.Object(
  {
    defaultAfterDays: Type.Integer({ minimum: 1, maximum: 30 }),
    rectifyWorkingDays: Type.Union([Type.Literal(5), Type.Literal(15)]),
    stages: Type.Array(Stage, { maxItems: 3, uniqueItems: true }),
  },
  { additionalProperties: false },
);
