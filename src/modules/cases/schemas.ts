import { Type, type Static, type TObject } from 'typebox';
import { SPECIAL_PROCEDURES, type Form, type Material } from '../../kernel/api.ts';
import { CASE_STATUSES } from './model.ts';
import { DataMissing, Id, Json, Nullable, NullableStr, Open, PrefilledSources, Str } from './schema-parts.ts';

// A case as the API shows it: the answers of the case routes and the types the services build them with.

/**
 * JSON the case stored (correction notes, the running special procedure, the 秒批 result) goes out
 * as stored: rows written before a field existed lack it. The properties document it and type it.
 */
const Stored = <T extends TObject>(t: T) => Type.Unsafe<Static<T>>({ ...t, required: [], additionalProperties: true });

export const CaseStatus = Type.Enum(CASE_STATUSES);
export const StepKind = Type.Enum(['accept', 'review', 'decide', 'special', 'payment']);
export const Outcome = Nullable(Type.Enum(['approved', 'disapproved']));
/** Deadline colour for lists: red when overdue, yellow once 80 % of the promised time is used. */
export const Colour = Nullable(Type.Enum(['red', 'yellow', 'green']));
export type Colour = Static<typeof Colour>;

/** A special procedure running now on a case. */
export const ActiveSpecial = Type.Object({
  id: Str,
  procedure: Str,
  name: Str,
  startedOn: Str,
  pausesClock: Type.Boolean(),
  /** Set when the procedure is a step of the workflow (it ends when that step is passed). */
  stepKey: NullableStr,
});
export type ActiveSpecial = Static<typeof ActiveSpecial>;

/** 秒批: each rule with the value it was compared with, so the decision explains itself. */
export const InstantResult = Type.Object({
  approved: Type.Boolean(),
  rules: Type.Array(Type.Object({ label: Str, fact: Str, actual: Type.Unknown(), passed: Type.Boolean() })),
});
export type InstantResult = Static<typeof InstantResult>;

export const CorrectionItem = Type.Object({ materialKey: Type.Optional(Str), field: Type.Optional(Str), note: Str });
export type CorrectionItem = Static<typeof CorrectionItem>;

const StepRef = Type.Object({ key: Str, name: Str, kind: StepKind });

export const CaseView = Type.Object(
  {
    id: Id,
    number: NullableStr,
    status: CaseStatus,
    outcome: Outcome,
    channel: Type.Enum(['online', 'window']),
    itemId: Str,
    itemVersionId: Str,
    itemCode: Str,
    itemName: Str,
    caseType: Type.Enum(['immediate', 'promised']),
    regionCode: Str,
    departmentId: Str,
    applicantKind: Type.Enum(['person', 'enterprise']),
    applicantName: Str,
    applicantEnterpriseId: NullableStr,
    formData: Json,
    /** Form fields holding personal data: masked in formData unless the reader is the applicant; a handler may reveal one. */
    personalFields: Type.Array(Str),
    /** 免填报: form fields the platform filled from a base library, each with the resource, its provider and field. */
    prefilledFrom: PrefilledSources,
    steps: Type.Array(StepRef),
    currentStep: Nullable(Type.Object({ ...StepRef.properties, index: Type.Integer() })),
    specialProcedure: Nullable(Stored(ActiveSpecial)),
    feeNoticeId: NullableStr,
    commitment: Nullable(Type.Object({ signedAt: Str, sm3: Str })),
    instantApproval: Nullable(Stored(InstantResult)),
    overdueReason: NullableStr,
    assigneeId: NullableStr,
    correction: Nullable(Type.Object({ items: Type.Array(Stored(CorrectionItem)), count: Type.Integer() })),
    deferred: Nullable(Type.Object({ materialKeys: Type.Array(Str), due: NullableStr })),
    clock: Type.Object({
      promisedDays: Type.Integer(),
      statutoryDays: Type.Integer(),
      start: NullableStr,
      pausedSince: NullableStr,
      pausedDays: Type.Integer(),
      promisedDue: NullableStr,
      statutoryDue: NullableStr,
      /** Counted into a year whose holiday arrangement is not confirmed yet: recomputed when it is. */
      provisional: Type.Boolean(),
      warning: Nullable(Type.Enum(['yellow', 'red'])),
      overdue: Type.Boolean(),
    }),
    submittedAt: NullableStr,
    acceptedAt: NullableStr,
    completedAt: NullableStr,
    createdAt: Str,
    updatedAt: Str,
    version: Type.Integer(),
  },
  Open,
);
export type CaseView = Static<typeof CaseView>;

export const CaseListRow = Type.Object(
  {
    id: Id,
    number: NullableStr,
    itemName: Str,
    applicantName: Str,
    status: CaseStatus,
    outcome: NullableStr,
    step: NullableStr,
    stepKey: NullableStr,
    assigneeId: NullableStr,
    submittedAt: NullableStr,
    promisedDue: NullableStr,
    colour: Colour,
    version: Type.Integer(),
  },
  Open,
);
export type CaseListRow = Static<typeof CaseListRow>;
export const CaseList = Type.Object({ items: Type.Array(CaseListRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, Open);
export type CaseList = Static<typeof CaseList>;
/** 待办: the page, with the number of cases waiting at each step. */
export const Inbox = Type.Object({ ...CaseList.properties, counts: Type.Record(Str, Type.Integer()) }, Open);
export type Inbox = Static<typeof Inbox>;

/**
 * Who acted, for the reader to name in their language: the platform (系统自动), the applicant, a
 * department system, or staff by department and role (`role`: a role key). A staff member's own
 * name only in the staff's timeline.
 */
export const TimelineActor = Type.Object({
  kind: Type.Enum(['system', 'applicant', 'staff', 'client']),
  name: NullableStr,
  department: NullableStr,
  role: NullableStr,
});
export type TimelineActor = Static<typeof TimelineActor>;
export const TimelineEntry = Type.Object({ at: Str, kind: Str, stepKey: NullableStr, actor: TimelineActor, opinion: NullableStr, details: Json });
export type TimelineEntry = Static<typeof TimelineEntry>;

export const MaterialFile = Type.Object(
  { id: Str, materialKey: Str, fileName: Str, mime: Str, size: Type.Integer(), sm3: Str, stage: Str, uploadedAt: Str },
  Open,
);
export type MaterialFile = Static<typeof MaterialFile>;

/** One material as the application asks for it (application/material-status.ts). */
export const MaterialStatus = Type.Object({
  key: Str,
  name: Str,
  /** 已自动获取: shared data, or the applicant's valid e-licence (identifier and type named). */
  fetched: Nullable(Type.Object({ via: Type.Enum(['data', 'licence']), licenceIdentifier: NullableStr, licenceTypeName: NullableStr, /** the library it came from (免提交), when the data platform serves it */ dataSource: NullableStr })),
  /** An e-licence would replace it but the applicant's wallet holds none of this type. */
  licenceMissing: Nullable(Type.Object({ typeName: Str })),
  /** A base library would replace it but does not hold the applicant. */
  dataMissing: DataMissing,
  uploaded: Type.Boolean(),
  /** Submission needs a file for it now. */
  demanded: Type.Boolean(),
});
export type MaterialStatus = Static<typeof MaterialStatus>;

export const SpecialRecord = Type.Object({
  procedure: Str,
  name: Str,
  stepKey: NullableStr,
  reason: NullableStr,
  pausesClock: Type.Boolean(),
  startedOn: Str,
  endedOn: NullableStr,
  result: NullableStr,
  pausedDays: Nullable(Type.Integer()),
});
export type SpecialRecord = Static<typeof SpecialRecord>;

/** 督办: a superior's order on a case and the department's reply. */
export const Supervision = Type.Object({
  id: Str,
  issuedByName: Str,
  opinion: Str,
  replyDue: Str,
  reply: NullableStr,
  repliedByName: NullableStr,
  repliedAt: NullableStr,
  createdAt: Str,
});
export type Supervision = Static<typeof Supervision>;

/** 告知承诺制: the verification after a case decided on the applicant's commitment. */
export const CommitmentCheck = Type.Object({ due: Str, result: NullableStr, opinion: NullableStr, checkedByName: NullableStr, checkedAt: NullableStr });
export type CommitmentCheck = Static<typeof CommitmentCheck>;

// The item's form and materials are the catalogue's validated content (kernel's service-guide
// parts): they pass through whole.
const ItemForm = Type.Unsafe<Form>(Json);
const ItemMaterial = Type.Unsafe<Material>(Json);

/** What the case page shows: the case, its files and timeline, what the reader may do now. */
export const CaseDetail = Type.Object(
  {
    case: CaseView,
    materials: Type.Array(MaterialFile),
    timeline: Type.Array(TimelineEntry),
    /** Actions the caller may take now (staff: of the current step; applicant: theirs, applicant-actions.ts). */
    actions: Type.Array(Str),
    /** The applicant's view of each material of the item (empty for staff). */
    materialStatus: Type.Array(MaterialStatus),
    colour: Colour,
    queryCode: NullableStr,
    specialProcedures: Type.Array(SpecialRecord),
    supervisions: Type.Array(Supervision),
    commitmentCheck: Nullable(CommitmentCheck),
    /** The item version the case is bound to: its form, its materials and its 告知承诺书 text. */
    item: Type.Object({ form: Nullable(ItemForm), materials: Type.Array(ItemMaterial), commitment: NullableStr }),
  },
  Open,
);
export type CaseDetail = Static<typeof CaseDetail>;

/** 办件进度公开查询: only non-personal data (no names, no form, no opinions). */
export const Progress = Type.Object({
  number: Str,
  itemName: Str,
  status: CaseStatus,
  outcome: Outcome,
  step: NullableStr,
  submittedAt: NullableStr,
  acceptedAt: NullableStr,
  completedAt: NullableStr,
  promisedDue: NullableStr,
  timeline: Type.Array(Type.Object({ at: Str, kind: Str, stepKey: NullableStr })),
});
export type Progress = Static<typeof Progress>;

/** 我的消息: what the applicant was told about their cases (for a 一件事, about the bundle). */
export const CaseMessage = Type.Object(
  {
    id: Id,
    /** the case, or for a 一件事 the bundle case (then `bundle` is true) */
    caseId: Id,
    bundle: Type.Boolean(),
    number: NullableStr,
    itemName: Str,
    kind: Str,
    at: Str,
    text: Str,
    unread: Type.Boolean(),
  },
  Open,
);
export type CaseMessage = Static<typeof CaseMessage>;
export const CaseMessages = Type.Object(
  { items: Type.Array(CaseMessage), total: Type.Integer(), unread: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() },
  Open,
);
export type CaseMessages = Static<typeof CaseMessages>;

/** What staff send with an action on the current step; which fields an action reads is workflow.ts's. */
export const CaseAction = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    opinion: Type.Optional(Type.String({ maxLength: 2000 })),
    /** 补正: what to bring or correct. */
    items: Type.Optional(
      Type.Array(
        Type.Object(
          { materialKey: Type.Optional(Type.String({ maxLength: 60 })), field: Type.Optional(Type.String({ maxLength: 60 })), note: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    /** 容缺受理: materials accepted now and brought later. */
    deferred: Type.Optional(
      Type.Object(
        { materialKeys: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 50 }), dueInDays: Type.Integer({ minimum: 1, maximum: 60 }) },
        { additionalProperties: false },
      ),
    ),
    toStep: Type.Optional(Type.String({ maxLength: 40 })),
    assigneeId: Type.Optional(Id),
    procedure: Type.Optional(Type.Enum(SPECIAL_PROCEDURES)),
    procedureName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** 核定: the fees a decision followed by a payment step assesses, in fen. */
    fees: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }), unitFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }), quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 50 },
      ),
    ),
    overdueReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /**
     * accept of a 即办 case whose 秒批 rules failed: complete it now all the same, for the reason
     * given (checked by the service, so a blank one gets its own code). Without it the case goes
     * on to review.
     */
    instantOverride: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type CaseAction = Static<typeof CaseAction>;
