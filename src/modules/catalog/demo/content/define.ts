/**
 * Authoring helpers for the demo catalogue: a department factory that turns a compact item
 * specification into a complete DemoItem (codes, derived flags, channels, depth codes), and
 * builders for the materials, form fields and legal bases that many guides share.
 */
import {
  ITEM_TYPES,
  type CaseTypeCode,
  type ChannelCode,
  type DemoFaq,
  type DemoFee,
  type DemoFormField,
  type DemoItem,
  type DemoItemFlags,
  type DemoLegalBasis,
  type DemoMaterial,
  type EntityThemeCode,
  type IdentityClaim,
  type ItemLevelCode,
  type ItemTypeCode,
  type OnlineDepthLevel,
  type OnlineDepthNationalCode,
  type PersonThemeCode,
  type ResultTypeCode,
  type ServiceObjectCode,
  type SubjectNatureCode,
} from '../types.ts';
import { CITY_DEPARTMENTS } from '../../../../seed/departments.ts';
import { withMarks } from './builders.ts';
import { CITY, COUNTIES, LT, departmentName, departmentPhones, departmentUscc } from './reference.ts';

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

export function basicCode(catalog: '00' | '44', type: ItemTypeCode, main: number, child = 0): string {
  if (main < 1 || main > 9999 || child < 0 || child > 999) throw new Error(`basic code out of range: ${main}/${child}`);
  return `${catalog}0${ITEM_TYPES[type].letter}${String(main).padStart(4, '0')}${String(child).padStart(3, '0')}000`;
}

export function implementationCode(basic: string, regionCode: string, uscc: string): string {
  return `${basic}-${regionCode}-000-${uscc}`;
}

export function handleItemCode(implementation: string, situation = 0): string {
  return `${implementation}-1-${String(situation).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Legal bases
// ---------------------------------------------------------------------------------------------

export function law(lawName: string, article: string, text: string, extra: Partial<DemoLegalBasis> = {}): DemoLegalBasis {
  return { law: lawName, article, text, kind: 'setting', ...extra };
}
export function impl(lawName: string, article: string, text: string, extra: Partial<DemoLegalBasis> = {}): DemoLegalBasis {
  return { law: lawName, article, text, kind: 'implementing', ...extra };
}

// ---------------------------------------------------------------------------------------------
// Materials
// ---------------------------------------------------------------------------------------------

type MaterialExtra = Partial<DemoMaterial>;

function material(name: string, extra: MaterialExtra = {}): DemoMaterial {
  return { name, necessity: 'required', kind: 'original', form: 'paper_or_electronic', count: 1, source: 'applicant', ...extra };
}

/** A certificate a government body issued, replaced by its e-licence. */
function issued(name: string, licenseType: string, sourceNote: string, requirement: string, extra: MaterialExtra): DemoMaterial {
  return material(name, { source: 'government', sourceNote, replacedByLicenseType: licenseType, requirement, ...extra });
}

/** Issued by a government body and replaced by its e-licence. */
function eLicence(name: string, licenseType: string, sourceNote: string, extra: MaterialExtra = {}): DemoMaterial {
  return issued(name, licenseType, sourceNote, '已归集电子证照的，经授权调用电子证照，免提交实体证照', extra);
}

const TRAFFIC_POLICE = '公安机关交通管理部门核发';

export const m = {
  /** Any material the applicant prepares. */
  own: (name: string, extra: MaterialExtra = {}) => material(name, extra),
  /** A copy the applicant prepares. */
  copy: (name: string, extra: MaterialExtra = {}) => material(name, { kind: 'copy', ...extra }),
  /** Only needed in some situations (非必要). */
  opt: (name: string, note: string, extra: MaterialExtra = {}) => material(name, { necessity: 'optional', note, ...extra }),
  /** May be supplied after acceptance (容缺). */
  defer: (name: string, note: string, extra: MaterialExtra = {}) => material(name, { necessity: 'deferrable', note, ...extra }),
  /** An application form with a blank form and a filled-in sample. */
  form: (name: string, extra: MaterialExtra = {}) =>
    material(name, {
      blankForm: true,
      sample: true,
      paperSpec: 'A4',
      requirement: '如实填写并签名（盖章）；网上申报的由系统生成，无需另行提交',
      ...extra,
    }),
  /** Issued by a government body and replaced by its e-licence. */
  licence: eLicence,
  drivingLicence: (extra: MaterialExtra = {}) => eLicence('机动车驾驶证', LT.DRIVING_LICENCE, TRAFFIC_POLICE, extra),
  vehicleLicence: (extra: MaterialExtra = {}) => eLicence('机动车行驶证', LT.VEHICLE_LICENCE, TRAFFIC_POLICE, extra),
  /** Obtained by data sharing (免提交). */
  shared: (name: string, baseField: string, sourceNote: string, extra: MaterialExtra = {}) =>
    material(name, {
      source: 'data_sharing',
      sourceNote,
      replacedByBaseField: baseField,
      requirement: '通过数据共享获取，申请人无需提交',
      ...extra,
    }),
  /** 居民身份证 of the applicant (or another person). */
  id: (who = '申请人', extra: MaterialExtra = {}) =>
    issued(`${who}居民身份证`, LT.ID_CARD, '公安机关核发', '核验原件，在有效期内；可使用电子身份证（粤省事“电子证照”）', extra),
  hukou: (who = '申请人', extra: MaterialExtra = {}) =>
    issued(`${who}居民户口簿`, LT.HOUSEHOLD_BOOK, '公安机关核发', '核验户主页及本人页原件', extra),
  photo: (spec: string, count = 1, extra: MaterialExtra = {}) =>
    material('近期免冠证件照片', { form: 'paper', count, requirement: spec, ...extra }),
  businessLicence: (extra: MaterialExtra = {}) =>
    issued('营业执照', LT.BUSINESS_LICENCE, '市场监督管理部门核发', '通过电子营业执照核验，免提交', extra),
  /** 委托代理人办理时的授权委托书和代理人身份证. */
  proxy: () => [
    material('授权委托书', {
      necessity: 'optional',
      note: '委托他人代为办理的提供',
      blankForm: true,
      sample: true,
      paperSpec: 'A4',
    }),
    material('受托人居民身份证', {
      necessity: 'optional',
      note: '委托他人代为办理的提供',
      source: 'government',
      sourceNote: '公安机关核发',
      replacedByLicenseType: LT.ID_CARD,
    }),
  ],
  /** 法定代表人身份证明 and 经办人身份证 for entity applicants. */
  entityAgent: () => [
    material('经办人居民身份证', {
      source: 'government',
      sourceNote: '公安机关核发',
      replacedByLicenseType: LT.ID_CARD,
      requirement: '核验原件',
    }),
    material('授权委托书', {
      necessity: 'optional',
      note: '非法定代表人本人办理的提供',
      blankForm: true,
      sample: true,
      paperSpec: 'A4',
      requirement: '加盖单位公章',
    }),
  ],
};

// ---------------------------------------------------------------------------------------------
// Form fields
// ---------------------------------------------------------------------------------------------

type FieldExtra = Partial<DemoFormField>;

const field = (
  key: string,
  label: string,
  type: DemoFormField['type'],
  required: boolean,
  extra: FieldExtra = {},
): DemoFormField => ({
  key,
  label,
  type,
  required,
  ...extra,
});

type Type = DemoFormField['type'];

/** A required field the identity service fills in from the signed-in person's or unit's claim. */
const claimed = (key: string, label: string, type: Type, claim: IdentityClaim, group: string) =>
  field(key, label, type, true, { prefill: { source: 'identity', claim }, group });

/** A required field filled in from a base library (人口库, 法人库…). */
const registered = (key: string, label: string, type: Type, baseField: string, group: string) =>
  field(key, label, type, true, { prefill: { source: 'base', field: baseField }, group });

/** A field builder of one widget type: (key, label, required?, extra?). */
const typed =
  (type: DemoFormField['type'], requiredByDefault = true) =>
  (key: string, label: string, required = requiredByDefault, extra: FieldExtra = {}) =>
    field(key, label, type, required, extra);

/** A field builder of a widget type with a list of options. */
const choice =
  (type: 'select' | 'radio') =>
  (key: string, label: string, options: string[], required = true, extra: FieldExtra = {}) =>
    field(key, label, type, required, { options, ...extra });

export const f = {
  text: typed('text'),
  textarea: (key: string, label: string, required = true, extra: FieldExtra = {}) =>
    field(key, label, 'textarea', required, { maxLength: 500, ...extra }),
  number: typed('number'),
  money: typed('money'),
  date: typed('date'),
  select: choice('select'),
  radio: choice('radio'),
  address: typed('address'),
  file: typed('file', false),
  region: typed('region'),
  phoneOf: typed('phone'),
  idOf: typed('id_number'),
  /** 申请人姓名 / 身份证号 / 手机 prefilled from the identity service. */
  applicant: (): DemoFormField[] => [
    claimed('applicant_name', '申请人姓名', 'text', 'name', '申请人信息'),
    claimed('applicant_id_number', '公民身份号码', 'id_number', 'id_number', '申请人信息'),
    claimed('applicant_phone', '联系电话', 'phone', 'phone', '申请人信息'),
  ],
  householdAddress: (required = true) =>
    field('household_address', '户籍地址', 'address', required, {
      prefill: { source: 'base', field: 'population.household_address' },
      group: '申请人信息',
    }),
  contactAddress: (required = true) => field('contact_address', '联系地址', 'address', required, { group: '申请人信息' }),
  /** Unit name / USCC / legal representative from the entity identity and the legal-entity library. */
  entity: (): DemoFormField[] => [
    claimed('entity_name', '单位名称', 'text', 'entity_name', '单位信息'),
    claimed('entity_uscc', '统一社会信用代码', 'uscc', 'uscc', '单位信息'),
    registered('legal_representative', '法定代表人（负责人）', 'text', 'legal_entity.legal_representative', '单位信息'),
    registered('entity_address', '住所', 'address', 'legal_entity.address', '单位信息'),
    claimed('agent_name', '经办人姓名', 'text', 'agent_name', '经办人信息'),
    claimed('agent_id_number', '经办人身份证号码', 'id_number', 'agent_id_number', '经办人信息'),
    claimed('agent_phone', '经办人手机号码', 'phone', 'agent_phone', '经办人信息'),
  ],
  fromLicence: (key: string, label: string, licenseType: string, licenceField: string, required = true, extra: FieldExtra = {}) =>
    field(key, label, 'text', required, { prefill: { source: 'license', licenseType, field: licenceField }, ...extra }),
  fromBase: (key: string, label: string, baseField: string, required = true, extra: FieldExtra = {}) =>
    field(key, label, 'text', required, { prefill: { source: 'base', field: baseField }, ...extra }),
};

// ---------------------------------------------------------------------------------------------
// Case workflow (办理流程 as data)
// ---------------------------------------------------------------------------------------------

type Step = NonNullable<DemoItem['workflow']>[number];

/** Steps of an item's own workflow; keys are unique within the item. */
export const wf = {
  accept: (name = '受理'): Step => ({ key: 'accept', name, kind: 'accept' }),
  review: (name = '审查', key = 'review'): Step => ({ key, name, kind: 'review' }),
  special: (key: string, name: string, procedure: NonNullable<Step['procedure']>): Step => ({
    key,
    name,
    kind: 'special',
    procedure,
  }),
  decide: (name = '决定', roles?: Step['roles']): Step => ({ key: 'decide', name, kind: 'decide', ...(roles ? { roles } : {}) }),
  payment: (name = '缴费'): Step => ({ key: 'payment', name, kind: 'payment' }),
};

// ---------------------------------------------------------------------------------------------
// Common reasons for on-site visits
// ---------------------------------------------------------------------------------------------

export const VISIT = {
  biometric: '需现场采集人像、指纹等生物特征信息并核验本人身份',
  bothParties: '依法需当事人双方亲自到场，当面签署声明并现场颁证',
  inPerson: '需本人到场核验身份并签署相关文书',
  original: '需现场核验申请材料原件',
  inspection: '需进行现场核查，并由申请人现场签收结果',
  exam: '需到考场参加考试及现场领证',
  hearing: '需当事人到场陈述、申辩或参加调解',
  sign: '需申请人到场签署合同、承诺书等文书',
  collect: '需现场领取实体证件',
  property: '不动产登记需申请人到场核验身份、询问并签字确认',
} as const;

// ---------------------------------------------------------------------------------------------
// Item factory
// ---------------------------------------------------------------------------------------------

export interface ItemSpec {
  key: string;
  /** Main item number within the department's range (1–99). */
  no: number;
  /** Child item number (0–999). */
  child?: number;
  /** 业务办理项 situation number (00 = not split). */
  situation?: number;
  /** '00' national catalogue (default) or '44' Guangdong local item. */
  catalog?: '00' | '44';
  name: string;
  aliases?: string[];
  keywords?: string[];
  type: ItemTypeCode;
  basis: DemoLegalBasis[];
  level?: ItemLevelCode;
  region?: string;
  body?: string;
  nature?: SubjectNatureCode;
  joint?: string[];
  objects?: ServiceObjectCode[];
  conditions: string[];
  refusals?: string[];
  materials: (DemoMaterial | DemoMaterial[])[];
  fees?: DemoFee[];
  onlinePayment?: boolean;
  statutory: number;
  statutoryNote?: string;
  promised: number;
  promisedNote?: string;
  depth: OnlineDepthLevel;
  national?: OnlineDepthNationalCode[];
  visits?: number;
  visitReason?: string;
  channels?: ChannelCode[];
  appointment?: boolean;
  mailMaterials?: boolean;
  mailResult?: boolean;
  hf?: boolean;
  crossProvince?: boolean;
  crossScope?: DemoItemFlags['crossScope'];
  instant?: boolean;
  commitment?: boolean;
  kiosk?: boolean;
  mobile?: boolean;
  generalWindow?: boolean;
  flags?: Partial<DemoItemFlags>;
  process?: string[];
  special?: DemoItem['specialProcedures'];
  result: string;
  resultType?: ResultTypeCode;
  resultLicense?: string;
  /** 02 延续 / 09 变更 of the licence the applicant holds; a new licence (01) when absent. */
  resultLicenseOperation?: '02' | '09';
  delivery?: string[];
  intermediaries?: DemoItem['intermediaries'];
  quantityLimit?: string;
  location?: string;
  hours?: string;
  person?: PersonThemeCode[];
  entity?: EntityThemeCode[];
  faqs?: DemoFaq[];
  form?: DemoFormField[];
  popularity?: number;
  rights?: string;
  obligations?: string;
  workflow?: DemoItem['workflow'];
  instantRules?: DemoItem['instantRules'];
  commitmentCheckDays?: number;
  /** The service marks on one line, e.g. 'hf instant mobile' (see builders.ts MARKS). */
  marks?: string;
}

export function resultTypeOf(resultName: string): ResultTypeCode {
  if (/批复$/.test(resultName)) return 'approval';
  if (/(证|证书|执照|卡|护照|通行证|标志|签注|证明|凭证|登记表)$/.test(resultName)) return 'certificate';
  if (/(文|决定书|通知书|函|意见|意见书|批文|告知书|决定|答复)$/.test(resultName)) return 'document';
  return 'other';
}

function nationalDepth(level: OnlineDepthLevel, licence: boolean): OnlineDepthNationalCode[] {
  switch (level) {
    case 1:
      return [1];
    case 2:
      return [1, 2];
    case 3:
      return [1, 2, 3];
    case 4:
      return licence ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6];
  }
}

function defaultProcess(caseType: CaseTypeCode, deptName: string, depth: OnlineDepthLevel, visits: number): string[] {
  const apply =
    depth >= 3
      ? '申请：申请人通过广东政务服务网、粤省事（粤商通）或到政务服务中心综合窗口提交申请'
      : '申请：申请人到政务服务中心综合窗口提交申请材料';
  if (caseType === 'immediate') {
    return [
      apply,
      '受理：工作人员核验身份和材料，材料齐全、符合法定形式的当场受理',
      '办结：当场审核办结，出具结果' + (visits === 0 ? '（网上申请的结果以电子证照或电子文书推送）' : ''),
    ];
  }
  return [
    apply,
    '受理：材料齐全、符合法定形式的予以受理；材料不全的一次性告知需要补正的全部内容',
    `审查：${deptName}对申请材料进行审查，需要现场核查的组织核查`,
    '决定：作出准予或不予的决定；不予的书面说明理由并告知复议、诉讼权利',
    '送达：通过窗口领取、邮寄或电子证照、电子文书推送送达结果',
  ];
}

export interface DepartmentFactory {
  abbr: string;
  item(spec: ItemSpec): DemoItem;
}

const keyPattern = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+(@\d{6})?$/;

/**
 * A department's item factory. `base` is the first main number of the department's range in the
 * 基本编码 (main = base + spec.no), so each department owns a block of 100 main numbers.
 */
export function department(abbr: string, base: number): DepartmentFactory {
  return {
    abbr,
    item(written: ItemSpec): DemoItem {
      const spec = withMarks(written);
      if (!keyPattern.test(spec.key)) throw new Error(`bad item key ${spec.key}`);
      if (spec.no < 1 || spec.no > 99) throw new Error(`${spec.key}: no out of range`);
      const region = spec.region ?? CITY.code;
      const level: ItemLevelCode = spec.level ?? (region === CITY.code ? '3' : '4');
      const uscc = departmentUscc(region, abbr);
      const basic = basicCode(spec.catalog ?? '00', spec.type, base + spec.no, spec.child ?? 0);
      const implementation = implementationCode(basic, region, uscc);
      const materials = spec.materials.flat();
      const fees = spec.fees ?? [];
      const depth = spec.depth;
      const visits = spec.visits ?? (depth === 4 ? 0 : 1);
      if (visits > 0 && !spec.visitReason) throw new Error(`${spec.key}: visits > 0 needs a visitReason`);
      const caseType: CaseTypeCode = spec.promised === 0 ? 'immediate' : 'promised';
      const resultType = spec.resultType ?? resultTypeOf(spec.result);
      const form = spec.form ?? f.applicant();
      const phones = departmentPhones(region, abbr);
      const deptName = departmentName(region, abbr);
      const mobile = spec.mobile ?? (depth >= 3 && (spec.hf ?? false));
      const mailMaterials = spec.mailMaterials ?? depth >= 3;
      const channels: ChannelCode[] = spec.channels ?? [
        'window',
        ...(depth >= 3 ? (['online'] as const) : []),
        ...(mobile ? (['mobile'] as const) : []),
        ...(spec.kiosk ? (['kiosk'] as const) : []),
        ...(mailMaterials || (visits === 0 && depth < 3) ? (['mail'] as const) : []),
      ];
      const flags: DemoItemFlags = {
        highFrequency: spec.hf ?? false,
        noFill: form.some((x) => x.prefill !== undefined),
        noSubmit:
          materials.some((x) => x.replacedByBaseField !== undefined || x.source === 'data_sharing') &&
          !materials.some((x) => x.necessity === 'required' && x.form === 'paper'),
        noLicense:
          materials.some((x) => x.replacedByLicenseType !== undefined) &&
          materials.every(
            (x) =>
              x.necessity !== 'required' ||
              x.source !== 'government' ||
              x.replacedByLicenseType !== undefined ||
              x.replacedByBaseField !== undefined,
          ),
        noTrip: visits === 0,
        crossProvince: spec.crossProvince ?? false,
        ...(spec.crossScope ? { crossScope: spec.crossScope } : spec.crossProvince ? { crossScope: 'nation' as const } : {}),
        instantApproval: spec.instant ?? false,
        generalWindow: spec.generalWindow ?? true,
        sso: depth >= 3,
        mobile,
        commitment: spec.commitment ?? false,
        kiosk: spec.kiosk ?? false,
        ...spec.flags,
      };
      const item: DemoItem = {
        key: spec.key,
        basicCode: basic,
        implementationCode: implementation,
        handleItemCode: handleItemCode(implementation, spec.situation ?? 0),
        name: spec.name,
        aliases: spec.aliases ?? [],
        keywords: spec.keywords ?? [],
        type: spec.type,
        legalBasis: spec.basis,
        level,
        regionCode: region,
        department: abbr,
        ...(spec.body ? { implementingBody: spec.body } : {}),
        subjectNature: spec.nature ?? 'statutory',
        ...(spec.joint ? { jointDepartments: spec.joint } : {}),
        serviceObjects: spec.objects ?? ['natural_person'],
        conditions: spec.conditions,
        ...(spec.refusals ? { refusals: spec.refusals } : {}),
        materials,
        fees,
        onlinePayment: spec.onlinePayment ?? (fees.length > 0 && depth >= 3),
        statutoryLimit: spec.statutory,
        ...(spec.statutoryNote ? { statutoryLimitNote: spec.statutoryNote } : {}),
        promisedLimit: spec.promised,
        ...(spec.promisedNote ? { promisedLimitNote: spec.promisedNote } : {}),
        caseType,
        channels,
        onlineDepthLevel: depth,
        onlineDepthNational: spec.national ?? nationalDepth(depth, spec.resultLicense !== undefined),
        visits,
        visitReason: visits === 0 ? '无' : spec.visitReason!,
        appointment: spec.appointment ?? true,
        mailMaterials,
        mailResult: spec.mailResult ?? resultType === 'certificate',
        flags,
        process: spec.process ?? defaultProcess(caseType, spec.body ?? deptName, depth, visits),
        ...(spec.special ? { specialProcedures: spec.special } : {}),
        resultType,
        resultName: spec.result,
        ...(spec.resultLicense ? { resultLicenseType: spec.resultLicense } : {}),
        ...(spec.resultLicenseOperation ? { resultLicenseOperation: spec.resultLicenseOperation } : {}),
        delivery: spec.delivery ?? (visits === 0 ? ['电子证照（文书）推送', '邮寄送达'] : ['窗口领取', '邮寄送达']),
        ...(spec.intermediaries ? { intermediaries: spec.intermediaries } : {}),
        ...(spec.quantityLimit ? { quantityLimit: spec.quantityLimit } : {}),
        consultPhone: phones.consult,
        complaintPhone: phones.complaint,
        ...(spec.location ? { location: spec.location } : {}),
        hours: spec.hours ?? '周一至周五 上午9:00-12:00，下午14:30-17:30（法定节假日除外）',
        personThemes: spec.person ?? [],
        entityThemes: spec.entity ?? [],
        faqs: spec.faqs ?? [],
        form,
        ...(spec.popularity !== undefined ? { popularity: spec.popularity } : spec.hf ? { popularity: 80 } : {}),
        ...(spec.rights ? { rights: spec.rights } : {}),
        ...(spec.obligations ? { obligations: spec.obligations } : {}),
        ...(spec.workflow ? { workflow: spec.workflow } : {}),
        ...(spec.instantRules ? { instantRules: spec.instantRules } : {}),
        ...(spec.commitmentCheckDays ? { commitmentCheckDays: spec.commitmentCheckDays } : {}),
      };
      return item;
    },
  };
}

/** The factory of a city department; its main numbers start at 100 × (position in CITY_DEPARTMENTS + 1). */
export function cityDepartment(abbr: string): DepartmentFactory {
  const i = CITY_DEPARTMENTS.findIndex((d) => d.abbr === abbr);
  if (i < 0) throw new Error(`unknown department ${abbr}`);
  return department(abbr, (i + 1) * 100);
}

/**
 * The same item implemented by the corresponding county department (十统一: same basic code,
 * elements should match). `changes` lets a demo show a deviation for the consistency report.
 */
export function implementIn(item: DemoItem, regionCode: string, changes: Partial<DemoItem> = {}): DemoItem {
  const county = COUNTIES.find((c) => c.code === regionCode);
  if (!county) throw new Error(`not a county of the demo city: ${regionCode}`);
  const implementation = implementationCode(item.basicCode, regionCode, departmentUscc(regionCode, item.department));
  const phones = departmentPhones(regionCode, item.department);
  const situation = item.handleItemCode.slice(-2);
  return {
    ...item,
    key: `${item.key}@${regionCode.slice(0, 6)}`,
    implementationCode: implementation,
    handleItemCode: `${implementation}-1-${situation}`,
    regionCode,
    level: '4',
    consultPhone: phones.consult,
    complaintPhone: phones.complaint,
    ...changes,
  };
}

/** Common service-object sets. */
export const ENTITIES: ServiceObjectCode[] = [
  'enterprise',
  'public_institution',
  'social_organization',
  'unincorporated',
  'other_organization',
];
export const COMPANIES: ServiceObjectCode[] = ['enterprise', 'unincorporated'];
