/**
 * Demo catalogue content: the shape of the service items (政务服务事项实施清单), bundles (一件事)
 * and test queries shipped with the demo city. Field names follow STANDARDS.md §2.2–2.5 and
 * GLOSSARY.md; the catalogue loader maps them into its tables. Codes are stored as strings
 * (their segments are described at each field); dictionary codes are listed below.
 *
 * Stable contract: fields are only ever added (as optional), never renamed.
 */
import type { InstantRule, WorkflowStep } from '../content.ts';

// ---------------------------------------------------------------------------------------------
// Dictionaries
// ---------------------------------------------------------------------------------------------

/**
 * 事项类型. Codes of the provincial dataset cited in STANDARDS.md §2.1 (01 行政许可, 05 行政给付,
 * 07 行政确认, 08 行政奖励, 09 行政裁决, 20 其他行政权力, 21 公共服务) completed in the order of the
 * national list (02 行政处罚, 03 行政强制, 04 行政征收, 06 行政检查). `letter` is the type letter
 * used inside our demo 基本编码.
 */
export const ITEM_TYPES = {
  '01': { name: '行政许可', letter: 'A' },
  '02': { name: '行政处罚', letter: 'B' },
  '03': { name: '行政强制', letter: 'C' },
  '04': { name: '行政征收', letter: 'D' },
  '05': { name: '行政给付', letter: 'E' },
  '06': { name: '行政检查', letter: 'F' },
  '07': { name: '行政确认', letter: 'G' },
  '08': { name: '行政奖励', letter: 'H' },
  '09': { name: '行政裁决', letter: 'I' },
  '20': { name: '其他行政权力', letter: 'J' },
  '21': { name: '公共服务', letter: 'K' },
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;

/** 行使层级 (STANDARDS.md §2.2: 2 省级, 3 市级, 4 县级). */
export const ITEM_LEVELS = { '1': '国家级', '2': '省级', '3': '市级', '4': '县级', '5': '乡镇级', '6': '村级' } as const;
export type ItemLevelCode = keyof typeof ITEM_LEVELS;

/** 服务对象. */
export const SERVICE_OBJECTS = {
  natural_person: '自然人',
  enterprise: '企业法人',
  public_institution: '事业法人',
  social_organization: '社会组织法人',
  unincorporated: '非法人企业',
  government: '行政机关',
  other_organization: '其他组织',
} as const;
export type ServiceObjectCode = keyof typeof SERVICE_OBJECTS;

/** 实施主体性质. */
export const SUBJECT_NATURES = { statutory: '法定机关', authorized: '授权组织', entrusted: '受委托组织' } as const;
export type SubjectNatureCode = keyof typeof SUBJECT_NATURES;

/** 办件类型. */
export const CASE_TYPES = { immediate: '即办件', promised: '承诺件' } as const;
export type CaseTypeCode = keyof typeof CASE_TYPES;

/** 办理形式 / 渠道. */
export const CHANNELS = {
  window: '窗口办理',
  online: '网上办理',
  mobile: '掌上办理',
  kiosk: '自助终端办理',
  mail: '邮寄申请',
} as const;
export type ChannelCode = keyof typeof CHANNELS;

/**
 * 网上办理深度, national multi-select scheme (stored `^`-joined by provincial systems, e.g. `3^4^5^6`).
 */
export const ONLINE_DEPTH_NATIONAL = {
  1: '互联网咨询',
  2: '互联网收件',
  3: '互联网预审',
  4: '互联网受理',
  5: '互联网办理',
  6: '互联网办理结果信息反馈',
  7: '互联网电子证照反馈',
  8: '其他',
} as const;
export type OnlineDepthNationalCode = keyof typeof ONLINE_DEPTH_NATIONAL;

/**
 * 网上办理深度, four-level scheme (Ⅳ = 全程网办). `provincial` is the matching code of the provincial
 * library scheme (1 全程网办 / 2 在线预审 / 3 事项公开 / 4 在线办理) — both kept, per STANDARDS.md §2.5.
 */
export const ONLINE_DEPTH_LEVELS = {
  1: { name: 'Ⅰ级 信息公开与咨询', provincial: '3' },
  2: { name: 'Ⅱ级 表格下载与预约', provincial: '4' },
  3: { name: 'Ⅲ级 网上预审', provincial: '2' },
  4: { name: 'Ⅳ级 全程网办', provincial: '1' },
} as const;
export type OnlineDepthLevel = keyof typeof ONLINE_DEPTH_LEVELS;

/** 审批结果类型. */
export const RESULT_TYPES = { certificate: '出证办结', document: '出文办结', approval: '审批办结', other: '其他' } as const;
export type ResultTypeCode = keyof typeof RESULT_TYPES;

/** 面向自然人事项主题分类. */
export const PERSON_THEMES = {
  birth: '生育收养',
  education: '教育科研',
  employment: '就业创业',
  marriage: '婚姻登记',
  pension: '养老服务',
  household: '户籍办理',
  social_insurance: '社会保障',
  medical: '医疗卫生',
  housing: '住房保障',
  travel: '交通出行',
  exit_entry: '出境入境',
  disability: '残疾人',
  social_assistance: '社会救助',
  veterans: '退役军人',
  property: '房产置业',
  culture: '文化体育',
  legal_service: '公共法律服务',
  death: '身后事',
  agriculture: '三农服务',
  other: '其他',
} as const;
export type PersonThemeCode = keyof typeof PERSON_THEMES;

/** 面向法人事项主题分类. */
export const ENTITY_THEMES = {
  start_business: '开办企业',
  construction: '工程建设',
  tax: '纳税缴费',
  employment: '用工招聘',
  qualification: '资质认定',
  food_drug: '食品药品',
  transport: '交通运输',
  environment: '环境保护',
  safety: '安全生产',
  trade: '商贸流通',
  culture_tourism: '文化旅游',
  agriculture: '农林牧渔',
  health: '医疗卫生',
  education: '教育培训',
  property: '不动产',
  finance_support: '扶持补贴',
  social_organization: '社会组织',
  deregistration: '企业注销',
  other: '其他',
} as const;
export type EntityThemeCode = keyof typeof ENTITY_THEMES;

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

/** One 设定依据 / 实施依据 entry. */
export interface DemoLegalBasis {
  /** 法律法规名称, e.g. 《中华人民共和国居民身份证法》 (without the book-title marks). */
  law: string;
  /** 条款号, e.g. 第十一条; '' when the whole law is cited. */
  article: string;
  /** 条款内容 (quoted or faithfully summarised text of the article). */
  text: string;
  /** 'setting' 设定依据 (default) or 'implementing' 实施依据. */
  kind?: 'setting' | 'implementing';
  /** 颁布机关. */
  issuer?: string;
  /** 依据文号, e.g. 国务院令第412号. */
  docNumber?: string;
}

export type MaterialNecessity = 'required' | 'optional' | 'deferrable'; // 必要 / 非必要 / 容缺
export type MaterialKind = 'original' | 'copy' | 'original_and_copy'; // 原件 / 复印件 / 原件和复印件
export type MaterialForm = 'paper' | 'electronic' | 'paper_or_electronic'; // 纸质 / 电子 / 纸质或电子
export type MaterialSource = 'applicant' | 'government' | 'intermediary' | 'data_sharing'; // 申请人自备 / 政府部门核发 / 中介机构 / 共享获取

export interface DemoMaterial {
  name: string;
  necessity: MaterialNecessity;
  kind: MaterialKind;
  form: MaterialForm;
  /** 纸质份数 (0 when only electronic). */
  count: number;
  source: MaterialSource;
  /** 来源渠道说明, e.g. 由公安机关核发. */
  sourceNote?: string;
  /** A base-library field (see content/reference.ts BASE_FIELDS) whose data replaces the material (免提交). */
  replacedByBaseField?: string;
  /** A licence type code (see content/reference.ts LICENSE_TYPES) whose e-licence replaces the material (免证办). */
  replacedByLicenseType?: string;
  /** 纸质材料规格, e.g. A4. */
  paperSpec?: string;
  /** 是否有空白表格 / 示例样表 (the loader may attach generated files). */
  blankForm?: boolean;
  sample?: boolean;
  /** 受理标准 / 填报须知. */
  requirement?: string;
  /** 要求提供材料的依据. */
  basis?: string;
  note?: string;
}

export interface DemoFee {
  name: string;
  /** Fixed amount in fen (分); absent when `rule` describes a computed fee. */
  amountFen?: number;
  /** 收费标准 as text (always filled; for fixed amounts, the human text of the amount). */
  rule: string;
  /** 收费依据 (document and number). */
  basis: string;
  reducible: boolean;
  reductionBasis?: string;
  note?: string;
}

export interface DemoFaq {
  question: string;
  answer: string;
}

/** Where a form field's value can come from (免填报). */
export type DemoPrefill =
  | { source: 'identity'; claim: IdentityClaim }
  | { source: 'base'; field: string }
  | { source: 'license'; licenseType: string; field: string };

/** Claims of the signed-in person or entity the identity service can provide. */
export type IdentityClaim =
  | 'name'
  | 'id_type'
  | 'id_number'
  | 'phone'
  | 'gender'
  | 'birth_date'
  | 'region_code'
  | 'entity_name'
  | 'uscc'
  | 'legal_representative'
  | 'agent_name'
  | 'agent_id_number'
  | 'agent_phone';

export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'money'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'id_number'
  | 'phone'
  | 'uscc'
  | 'region'
  | 'address'
  | 'email'
  | 'file';

export interface DemoFormField {
  /** Stable key; the same key in two items means the same datum (a bundle asks it once). */
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  prefill?: DemoPrefill;
  placeholder?: string;
  help?: string;
  maxLength?: number;
  pattern?: string;
  /** Layout hint: section title the field belongs to. */
  group?: string;
}

export interface DemoItemFlags {
  /** 高频事项 */
  highFrequency: boolean;
  /** 四免: 免填 (prefill), 免交 (skip-by-data), 免证 (skip-by-licence), 免跑 (zero trips). */
  noFill: boolean;
  noSubmit: boolean;
  noLicense: boolean;
  noTrip: boolean;
  /** 跨省通办 */
  crossProvince: boolean;
  /** 通办范围, e.g. 全国 / 泛珠三角 / 省内 / 市内 (empty when not 通办). */
  crossScope?: 'nation' | 'pan_prd' | 'province' | 'city';
  /** 秒批 (automatic approval) */
  instantApproval: boolean;
  /** 综合窗口受理 */
  generalWindow: boolean;
  /** Online handling goes through the platform's SSO (PC). */
  sso: boolean;
  /** 掌上办 (mobile channel, SSO on mobile). */
  mobile: boolean;
  /** 告知承诺制 */
  commitment: boolean;
  /** 自助终端可办 */
  kiosk: boolean;
}

export interface DemoItem {
  /** Stable, human-readable slug unique in the demo catalogue, e.g. `gaj.id-card.renew`. */
  key: string;
  /**
   * 基本编码, 14 chars `PPR T MMMM CCC XXX`: PP source catalogue (00 national, 44 Guangdong), R reserved 0,
   * T type letter (ITEM_TYPES[type].letter), MMMM main item, CCC child item, XXX 000.
   */
  basicCode: string;
  /** 实施编码: `basicCode-region12-000-USCC18` (implementing department's 统一社会信用代码). */
  implementationCode: string;
  /** 业务办理项编码: `implementationCode-1-NN` (NN 00 when the item is not split into situations). */
  handleItemCode: string;
  /** 事项名称 (of the 业务办理项 when split, e.g. 食品经营许可（新办）). */
  name: string;
  /** 事项名称短语 / 日常用语: what citizens type. */
  aliases: string[];
  keywords: string[];
  type: ItemTypeCode;
  /** 设定依据 and 实施依据. */
  legalBasis: DemoLegalBasis[];
  level: ItemLevelCode;
  /** 12-digit region of the implementing department. */
  regionCode: string;
  /** Department code as in src/seed/departments.ts (`abbr`, e.g. GAJ); the seed stores `${region6}-${abbr}`. */
  department: string;
  /**
   * The body that actually handles the item when it is not itself one of the seeded departments
   * (e.g. 云浮市残疾人联合会, a hospital, a utility); `department` is then its supervising department.
   */
  implementingBody?: string;
  subjectNature: SubjectNatureCode;
  /** 联办机构 (department abbrs). */
  jointDepartments?: string[];
  serviceObjects: ServiceObjectCode[];
  /** 受理条件 / 办理条件, one requirement per entry. */
  conditions: string[];
  /** 禁止性要求 / 不予受理情形 (optional). */
  refusals?: string[];
  materials: DemoMaterial[];
  /** Empty = 不收费. */
  fees: DemoFee[];
  /** 是否支持网上支付 (meaningful when fees exist). */
  onlinePayment: boolean;
  /** 法定办结时限 in working days; 0 = 即办. */
  statutoryLimit: number;
  statutoryLimitNote?: string;
  /** 承诺办结时限 in working days; 0 = 即办. */
  promisedLimit: number;
  promisedLimitNote?: string;
  caseType: CaseTypeCode;
  channels: ChannelCode[];
  onlineDepthLevel: OnlineDepthLevel;
  onlineDepthNational: OnlineDepthNationalCode[];
  /** 到办事现场次数. */
  visits: number;
  /** 必须现场办理原因说明; '无' when visits = 0. */
  visitReason: string;
  /** 是否支持预约办理. */
  appointment: boolean;
  /** 是否支持申报材料邮寄 / 办件结果邮寄. */
  mailMaterials: boolean;
  mailResult: boolean;
  flags: DemoItemFlags;
  /** 办理流程, one step per entry. */
  process: string[];
  /** 特别程序 (听证, 专家评审, 现场勘查…) and whether they count in the statutory limit. */
  specialProcedures?: { name: string; limit?: string; counted: boolean }[];
  resultType: ResultTypeCode;
  resultName: string;
  /** Licence type code (content/reference.ts LICENSE_TYPES) when the result is a licence. */
  resultLicenseType?: string;
  /** 操作类型 of that licence: 02 延续, 09 变更 (of the one the applicant holds); 01 新发 when absent. */
  resultLicenseOperation?: '02' | '09';
  /** 结果送达方式. */
  delivery?: string[];
  /** 中介服务. */
  intermediaries?: { name: string; content: string }[];
  /** 数量限制. */
  quantityLimit?: string;
  consultPhone: string;
  complaintPhone: string;
  /** 办理地点 (defaults to the hall of regionCode). */
  location?: string;
  /** 办理时间. */
  hours?: string;
  personThemes: PersonThemeCode[];
  entityThemes: EntityThemeCode[];
  faqs: DemoFaq[];
  form: DemoFormField[];
  /** Relative popularity 0–100 (search ranking, benchmarks). */
  popularity?: number;
  /** 权利和义务 (optional free text). */
  rights?: string;
  obligations?: string;
  /** The case workflow (办理流程 as the cases module runs it); absent = 受理 → 审查 → 决定. */
  workflow?: WorkflowStep[];
  /** 秒批 rules (with flags.instantApproval). */
  instantRules?: InstantRule[];
  /** 告知承诺制: working days after approval to verify the commitment. */
  commitmentCheckDays?: number;
}

// ---------------------------------------------------------------------------------------------
// Bundles and queries
// ---------------------------------------------------------------------------------------------

export interface DemoBundleItem {
  /** The item's `key`. */
  itemKey: string;
  /** The item's implementationCode (kept alongside the key). */
  itemCode: string;
  /** Step number; items with the same step run in parallel. */
  step: number;
  mode: 'parallel' | 'sequence';
  /** Applies only in some situations (described in `condition`). */
  optional: boolean;
  condition?: string;
}

export interface DemoBundle {
  /** e.g. YJS-445300-001 */
  code: string;
  name: string;
  aliases?: string[];
  audience: 'person' | 'entity';
  personTheme?: PersonThemeCode;
  entityTheme?: EntityThemeCode;
  /** Lead department (abbr). */
  leadDepartment: string;
  regionCode: string;
  items: DemoBundleItem[];
  /** 一件事办事指南 text shown on the portal. */
  guide: string;
  promisedLimit?: number;
  visits?: number;
}

export interface DemoQuery {
  /** What a citizen types. */
  text: string;
  /** Expected items, best first (1–3), by key. */
  expectedKeys: string[];
  /** Same items by implementationCode. */
  expectedCodes: string[];
  /**
   * The same items by basicCode: a hit on another region's implementation of the same basic
   * item (十统一 copies) also counts.
   */
  expectedBasicCodes?: string[];
  /** What makes the query hard: colloquial, typo, pinyin, initials, synonym… */
  kind?: 'colloquial' | 'typo' | 'pinyin' | 'initials' | 'synonym' | 'exact' | 'mixed';
}

// ---------------------------------------------------------------------------------------------
// Reference data the items point to
// ---------------------------------------------------------------------------------------------

export interface DemoLicenseType {
  /** 证照类型代码: defining body's USCC (18) + 3-digit sequence (STANDARDS.md §1.3). */
  code: string;
  name: string;
  holder: 'person' | 'entity';
  /** Issuing department abbr in the demo city. */
  department: string;
  /** Data fields of the licence (key → label), usable as prefill sources. */
  fields: Record<string, string>;
}

export interface DemoBaseField {
  /** e.g. population.household_address */
  key: string;
  label: string;
  /** 基础库 (人口, 法人单位, 自然资源和空间地理, 社会信用, 电子证照) or a 主题库 (subject: 社保, 公积金, 税务…). */
  library: 'population' | 'legal_entity' | 'geo' | 'credit' | 'license' | 'subject';
  /** Department abbr that provides the data. */
  provider: string;
}
