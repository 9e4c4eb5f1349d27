import { Type, type Static, type TSchema } from 'typebox';
import { FormDefinition, type Form } from '../../kernel/guide/form.ts';
import { Material } from '../../kernel/guide/material.ts';
import { SPECIAL_PROCEDURES } from '../../kernel/guide/special-procedures.ts';
import { PERSON_CODE_TYPES } from '../../kernel/validate/index.ts';
import { ENTITY_THEMES, PERSON_THEMES } from './themes.ts';

// The service-guide parts other modules read too (form, material, special procedures) are the
// kernel's; the catalogue's contract re-exports them with the rest of the content model.
export { PREFILL_SOURCES, FormField, FormDefinition, type Form, type FormFieldSchema } from '../../kernel/guide/form.ts';
export { NECESSITIES, MATERIAL_KINDS, MATERIAL_FORMS, MATERIAL_SOURCES, Material } from '../../kernel/guide/material.ts';
export { SPECIAL_PROCEDURES } from '../../kernel/guide/special-procedures.ts';

/**
 * The editable content of one item version (实施清单 element list, STANDARDS.md §2.2–2.4) as
 * one JSON document. Structure is enforced here (types, enumerations, lengths); completeness
 * and consistency are the quality rules' job (rules.ts), so an editor can save a draft that
 * is still incomplete and see what is missing.
 */

const Str = (maxLength: number, extra: Record<string, unknown> = {}) => Type.String({ maxLength, ...extra });
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);
const Strings = (maxItems: number, maxLength = 100) => Type.Array(Str(maxLength), { maxItems });
const Enum = <const T extends string[]>(values: readonly [...T]) => Type.Enum(values);

/** 行使层级. */
export const LEVELS = ['1', '2', '3', '4', '5', '6'] as const; // 国家 省 市 县 乡镇 村
export type Level = (typeof LEVELS)[number];

/** 服务对象. */
export const SERVICE_OBJECTS = [
  'natural_person',
  'enterprise',
  'public_institution',
  'social_organization',
  'unincorporated',
  'government',
  'other_organization',
] as const;
export type ServiceObject = (typeof SERVICE_OBJECTS)[number];
export const PERSON_OBJECTS: readonly ServiceObject[] = ['natural_person'];


/** 办件类型: 即办件 / 承诺件. */
export const CASE_TYPES = ['immediate', 'promised'] as const;
/** 办理形式. */
export const CHANNELS = ['window', 'online', 'mobile', 'kiosk', 'mail'] as const;
/** 通办范围. */
export const CROSS_SCOPES = ['nation', 'pan_prd', 'province', 'city'] as const;
/** 审批结果类型: 出证办结 / 出文办结 / 审批办结 / 其他. */
export const RESULT_TYPES = ['certificate', 'document', 'approval', 'other'] as const;
/** What a 设立登记 registers: 企业, 个体工商户, 农民专业合作社 (GB 32100 institution types 1, 2, 3 of 市场监管). */
export const REGISTERED_SUBJECTS = ['enterprise', 'individual_business', 'cooperative'] as const;
export type RegisteredSubject = (typeof REGISTERED_SUBJECTS)[number];
export const MEMBER_ORDERS = ['parallel', 'sequence'] as const;
/** Kinds of workflow step: 受理, 审查, 决定, 特别程序 (现场勘查, 专家评审, 公示, 听证 …), 缴费. */
export const STEP_KINDS = ['accept', 'review', 'decide', 'special', 'payment'] as const;
/** Staff roles a workflow step may be given to. */
export const STEP_ROLES = ['window_clerk', 'approver', 'department_admin', 'leader'] as const;
/** 缴费期限 of a payment step when the item does not set `fees.payWithinDays` (working days). */
export const DEFAULT_PAY_WITHIN_DAYS = 10;
/** Comparisons a 秒批 rule may make. */
export const RULE_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'prefix'] as const;

/**
 * 网上办理深度 — national multi-select codes (stored `^`-joined in exchange files):
 * 1 互联网咨询 2 互联网收件 3 互联网预审 4 互联网受理 5 互联网办理 6 办理结果信息反馈 7 电子证照反馈 8 其他.
 */
export const NATIONAL_DEPTH_CODES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export const LegalBasis = Type.Object(
  {
    law: Str(200, { minLength: 1 }),
    /** 设定依据 (default) or 实施依据. */
    kind: Opt(Enum(['setting', 'implementing'] as const)),
    docNo: Opt(Str(100)),
    article: Opt(Str(100)),
    issuer: Opt(Str(100)),
    effectiveDate: Opt(Str(10)),
    text: Opt(Str(4000)),
  },
  { additionalProperties: false },
);

export const FeeItem = Type.Object(
  {
    name: Str(200, { minLength: 1 }),
    /** Standard in fen (分); absent when the standard is a rate or range described in text. */
    amountFen: Opt(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
    standard: Opt(Str(500)),
    basis: Opt(Str(500)),
    reducible: Opt(Type.Boolean()),
    reductionBasis: Opt(Str(500)),
  },
  { additionalProperties: false },
);

export const TimeLimit = Type.Object(
  {
    /** 即办: decided on the spot; `days` is then 0. */
    immediate: Type.Boolean(),
    /** Working days (工作日). */
    days: Type.Integer({ minimum: 0, maximum: 3650 }),
    note: Opt(Str(500)),
  },
  { additionalProperties: false },
);
export type TimeLimit = Static<typeof TimeLimit>;

/** One step of the case workflow as data (办理流程 as the cases module runs it). */
export const WorkflowStep = Type.Object(
  {
    key: Str(40, { pattern: '^[a-z][a-z0-9_]*$' }),
    name: Str(40, { minLength: 1 }),
    kind: Enum(STEP_KINDS),
    /** Who acts; absent = the default for the kind (受理: window clerks and approvers; others: approvers). */
    roles: Opt(Type.Array(Enum(STEP_ROLES), { minItems: 1, maxItems: 4 })),
    /** For kind `special`: which procedure. */
    procedure: Opt(Enum(SPECIAL_PROCEDURES)),
  },
  { additionalProperties: false },
);
export type WorkflowStep = Static<typeof WorkflowStep>;

/**
 * A 秒批 rule over a fact of the application: `form.<field>`, or the applicant's
 * `applicant.age`, `applicant.idRegion` (户籍地: the 12-digit 行政区划 code of the household
 * registration; both from the population base, not the ID number), `applicant.kind`.
 */
export const InstantRule = Type.Object(
  {
    fact: Str(80, { pattern: '^(form|applicant)\\.[A-Za-z0-9_]+$' }),
    op: Enum(RULE_OPS),
    value: Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })]),
    /** What the rule means, shown to the applicant in the explanation (e.g. 年满60周岁). */
    label: Str(200, { minLength: 1 }),
  },
  { additionalProperties: false },
);
export type InstantRule = Static<typeof InstantRule>;

export const HallPlace = Type.Object(
  {
    hallId: Opt(Str(36)),
    name: Str(200, { minLength: 1 }),
    address: Opt(Str(300)),
    windows: Opt(Strings(20, 60)),
    hours: Opt(Str(200)),
    phone: Opt(Str(40)),
    traffic: Opt(Str(300)),
  },
  { additionalProperties: false },
);

export const ItemContent = Type.Object(
  {
    name: Str(200, { minLength: 1 }),
    /** 事项名称短语 / 日常用语 — what citizens type. */
    aliases: Opt(Strings(30, 60)),
    keywords: Opt(Strings(50, 40)),
    typeCode: Opt(Str(20)),
    /** 业务办理项 (新设 / 变更 / 延续 / 注销 …). */
    handleItems: Opt(
      Type.Array(
        Type.Object({ code: Str(60, { minLength: 1 }), name: Str(200, { minLength: 1 }) }, { additionalProperties: false }),
        { maxItems: 50 },
      ),
    ),
    legalBasis: Opt(Type.Array(LegalBasis, { maxItems: 50 })),
    level: Opt(Enum(LEVELS)),
    /** 实施主体性质. */
    subjectNature: Opt(Enum(['statutory', 'authorized', 'entrusted'] as const)),
    serviceObjects: Opt(Type.Array(Enum(SERVICE_OBJECTS), { maxItems: 7 })),
    conditions: Opt(Strings(50, 1000)),
    /** 不予受理情形. */
    refusals: Opt(Strings(50, 1000)),
    /** 联办机构 (department codes). */
    jointDepartments: Opt(Strings(20, 60)),
    materials: Opt(Type.Array(Material, { maxItems: 200 })),
    fees: Opt(
      Type.Object(
        {
          charged: Type.Boolean(),
          items: Opt(Type.Array(FeeItem, { maxItems: 50 })),
          basis: Opt(Str(500)),
          onlinePayment: Opt(Type.Boolean()),
          /** Working days the applicant has to pay the notice of the payment step (缴费期限); DEFAULT_PAY_WITHIN_DAYS when unset. */
          payWithinDays: Opt(Type.Integer({ minimum: 1, maximum: 60 })),
        },
        { additionalProperties: false },
      ),
    ),
    statutoryLimit: Opt(TimeLimit),
    promisedLimit: Opt(TimeLimit),
    caseType: Opt(Enum(CASE_TYPES)),
    channels: Opt(Type.Array(Enum(CHANNELS), { maxItems: 6 })),
    onlineDepth: Opt(
      Type.Object(
        {
          /** National multi-select codes 1–8. */
          national: Type.Array(Type.Integer({ minimum: 1, maximum: 8 }), { maxItems: 8 }),
          /** Four-level scheme Ⅰ–Ⅳ (0 = not online); Ⅳ = 全程网办. */
          level: Type.Integer({ minimum: 0, maximum: 4 }),
        },
        { additionalProperties: false },
      ),
    ),
    onlineUrl: Opt(Str(500)),
    /** 到办事现场次数. */
    visits: Opt(Type.Integer({ minimum: 0, maximum: 10 })),
    /** 必须现场办理原因说明 ("无" when visits = 0). */
    visitReason: Opt(Str(500)),
    halls: Opt(Type.Array(HallPlace, { maxItems: 20 })),
    appointment: Opt(
      Type.Object(
        { supported: Type.Boolean(), url: Opt(Str(500)), dailyQuota: Opt(Type.Integer({ minimum: 0, maximum: 100000 })) },
        { additionalProperties: false },
      ),
    ),
    mail: Opt(Type.Object({ materials: Type.Boolean(), results: Type.Boolean() }, { additionalProperties: false })),
    flags: Opt(
      Type.Object(
        {
          highFrequency: Opt(Type.Boolean()),
          /** 四免: 免填 (prefilled form), 免交 (skip-by-data), 免证 (skip-by-licence), 免跑 (no trip). */
          noFill: Opt(Type.Boolean()),
          noSubmit: Opt(Type.Boolean()),
          noLicense: Opt(Type.Boolean()),
          noTrip: Opt(Type.Boolean()),
          crossProvince: Opt(Type.Boolean()),
          /** 通办范围. */
          crossScope: Opt(Enum(CROSS_SCOPES)),
          instantApproval: Opt(Type.Boolean()),
          generalWindow: Opt(Type.Boolean()),
          sso: Opt(Type.Boolean()),
          mobile: Opt(Type.Boolean()),
          /** 告知承诺制. */
          commitment: Opt(Type.Boolean()),
          kiosk: Opt(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    result: Opt(
      Type.Object(
        {
          type: Enum(RESULT_TYPES),
          name: Opt(Str(200)),
          sampleFile: Opt(Str(200)),
          licenseTypeCode: Opt(Str(40)),
          /** 操作类型 of the licence a completed case produces: 01 新发 (default), 02 延续, 09 变更 of the one the applicant holds. */
          licenseOperation: Opt(Enum(['01', '02', '09'] as const)),
          /**
           * 设立登记: the licence is not the applicant's but the new market subject's, registered at
           * the decision (its 统一社会信用代码 assigned, the 法人库 told) and named by the form's
           * `nameField`; the other fields name where its 住所, 法定代表人 and 类型 are in the form.
           */
          registers: Opt(
            Type.Object(
              {
                subject: Enum(REGISTERED_SUBJECTS),
                nameField: Str(64, { minLength: 1 }),
                addressField: Opt(Str(64)),
                legalRepField: Opt(Str(64)),
                typeField: Opt(Str(64)),
              },
              { additionalProperties: false },
            ),
          ),
          /**
           * A licence held by a person the form names, not by the applicant: an employer applies
           * for the 外国人工作许可证 of the worker it hires, known by the passport in `codeField`.
           */
          holder: Opt(
            Type.Object(
              { nameField: Str(64, { minLength: 1 }), codeField: Str(64, { minLength: 1 }), codeType: Enum(PERSON_CODE_TYPES) },
              { additionalProperties: false },
            ),
          ),
          delivery: Opt(Strings(5, 40)),
        },
        { additionalProperties: false },
      ),
    ),
    intermediaries: Opt(
      Type.Array(
        Type.Object({ name: Str(200, { minLength: 1 }), content: Opt(Str(500)), required: Opt(Type.Boolean()) }, { additionalProperties: false }),
        { maxItems: 20 },
      ),
    ),
    faqs: Opt(
      Type.Array(Type.Object({ q: Str(500, { minLength: 1 }), a: Str(4000, { minLength: 1 }) }, { additionalProperties: false }), {
        maxItems: 100,
      }),
    ),
    // codes of the portal's theme dictionary only: an item under an unknown code would be in no tile
    themes: Opt(
      Type.Object(
        { person: Opt(Type.Array(Enum(PERSON_THEMES), { maxItems: 20 })), entity: Opt(Type.Array(Enum(ENTITY_THEMES), { maxItems: 20 })) },
        { additionalProperties: false },
      ),
    ),
    process: Opt(
      Type.Object(
        {
          steps: Type.Array(
            Type.Object(
              { name: Str(100, { minLength: 1 }), description: Opt(Str(1000)), days: Opt(Type.Integer({ minimum: 0, maximum: 3650 })) },
              { additionalProperties: false },
            ),
            { maxItems: 30 },
          ),
          note: Opt(Str(2000)),
        },
        { additionalProperties: false },
      ),
    ),
    /** The case workflow; absent = 受理 → 审查 → 决定. */
    workflow: Opt(Type.Array(WorkflowStep, { minItems: 2, maxItems: 12 })),
    /** 秒批: when flags.instantApproval is set and every rule holds, the platform approves at submission. */
    instantRules: Opt(Type.Array(InstantRule, { maxItems: 20 })),
    /** 告知承诺制: working days after approval within which the department verifies the commitment. */
    commitmentCheckDays: Opt(Type.Integer({ minimum: 1, maximum: 365 })),
    specialProcedures: Opt(
      Type.Array(
        Type.Object(
          {
            name: Str(100, { minLength: 1 }),
            countedInLimit: Type.Boolean(),
            /** Working days the procedure takes (e.g. a 15-day 公告), shown in the guide's 办理流程. */
            days: Opt(Type.Integer({ minimum: 1, maximum: 3650 })),
            note: Opt(Str(500)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    contact: Opt(
      Type.Object(
        {
          consultPhone: Opt(Str(40)),
          complaintPhone: Opt(Str(40)),
          consultOnline: Opt(Str(300)),
          complaintOnline: Opt(Str(300)),
          email: Opt(Str(100)),
        },
        { additionalProperties: false },
      ),
    ),
    hours: Opt(Str(200)),
    /** Limits on quantity, e.g. 每年限办一次. */
    quantityLimit: Opt(Str(200)),
    form: Opt(FormDefinition),
    rights: Opt(Str(4000)),
    obligations: Opt(Str(4000)),
    notes: Opt(Str(4000)),
  },
  { additionalProperties: false },
);

export type LegalBasisT = Static<typeof LegalBasis>;
export type FeeItemT = Static<typeof FeeItem>;

/** The content; the form's JSON Schema is typed loosely (it is any object schema). */
export type ItemContent = Omit<Static<typeof ItemContent>, 'form'> & { form?: Form };
