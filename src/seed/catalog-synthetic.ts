import type { ItemContent } from '../modules/catalog/index.ts';
import type { DepartmentRef } from '../modules/org/index.ts';
import { demoLicenseTypeCode } from './catalog-data.ts';

/** What the generator (catalog-generate.ts) chose for one synthetic item. */
export interface SyntheticItem {
  /** 业务办理项编码. */
  code: string;
  department: DepartmentRef;
  level: '3' | '4';
  type: string;
  name: string;
  noun: string;
  action: string;
  qualifier: string;
  colloquial: string;
  /** Serves entities (else natural persons); `broadEntity`: every kind of organisation, not only companies. */
  entity: boolean;
  broadEntity: boolean;
  depth: 1 | 2 | 3 | 4;
  statutory: number;
  promised: number;
  visits: number;
  visitReason: string;
  hf: boolean;
  fee?: { amountFen: number; reducible: boolean };
  /** Indexes into the optional materials, possibly repeated. */
  extraMaterials: number[];
  reasonField: boolean;
  locationField: boolean;
  crossProvince: boolean;
  kiosk: boolean;
  commitment: boolean;
  instant: boolean;
  theme: string;
  popularity: number;
}

type Material = NonNullable<ItemContent['materials']>[number];
type Form = NonNullable<ItemContent['form']>;
type Hint = NonNullable<Form['fields']>[string];

const material = (name: string, extra: Partial<Material> = {}): Material => ({
  name,
  necessity: 'required',
  kind: 'original',
  form: 'paper_or_electronic',
  count: 1,
  source: 'applicant',
  ...extra,
});

function materialsOf(item: SyntheticItem): Material[] {
  const out = [
    material(`《${item.noun}申请表》`, {
      paperSpec: 'A4',
      blankFormFile: `《${item.noun}申请表》（空白表格）.pdf`,
      sampleFile: `《${item.noun}申请表》（示例样表）.pdf`,
      requirement: '如实填写并签名（盖章）；网上申报的由系统生成，无需另行提交',
    }),
    item.entity
      ? material('营业执照', { source: 'government', sourceNote: '市场监督管理部门核发', replacedByLicenseType: demoLicenseTypeCode('营业执照'), requirement: '通过电子营业执照核验，免提交' })
      : material('申请人居民身份证', {
          source: 'government',
          sourceNote: '公安机关核发',
          replacedByLicenseType: demoLicenseTypeCode('中华人民共和国居民身份证'),
          requirement: '核验原件，在有效期内；可使用电子身份证（粤省事“电子证照”）',
        }),
  ];
  const extras = [
    material(`${item.noun}相关证明材料`),
    material('场所使用权证明', { replacedByBaseField: 'geo.real_estate_rights' }),
    material('社会保险参保信息', { source: 'data_sharing', sourceNote: '人社部门信息共享', replacedByBaseField: 'subject.social_insurance', requirement: '通过数据共享获取，申请人无需提交' }),
    material('情况说明', { necessity: 'optional', notes: '有特殊情况的提供' }),
    material('技术资料', { necessity: 'deferrable', notes: '可在受理后补交' }),
    material('承诺书', { blankFormFile: '承诺书（空白表格）.pdf' }),
  ];
  for (const i of item.extraMaterials) if (!out.some((m) => m.name === extras[i]!.name)) out.push(extras[i]!);
  return out.map((m, i) => ({ key: `m${i + 1}`, ...m }));
}

/** A form field: its JSON Schema property and its layout hint. */
type Field = [key: string, property: Record<string, unknown>, hint: Omit<Hint, 'order'>];

const claimed = (key: string, title: string, widget: string, claim: string, group: string, pattern?: string): Field => [
  key,
  { type: 'string', ...(pattern ? { pattern } : {}), title },
  { widget, group, prefill: { source: 'identity', claim } },
];
const ID_NUMBER = '^[0-9]{17}[0-9X]$';
const PHONE = '^1[0-9]{10}$';

function formOf(item: SyntheticItem): Form {
  const fields: Field[] = item.entity
    ? [
        claimed('entity_name', '单位名称', 'text', 'entity_name', '单位信息'),
        claimed('entity_uscc', '统一社会信用代码', 'uscc', 'uscc', '单位信息', '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        ['legal_representative', { type: 'string', title: '法定代表人（负责人）' }, { widget: 'text', group: '单位信息', prefill: { source: 'base_library', field: 'legal_entity.legal_representative' } }],
        ['entity_address', { type: 'string', title: '住所' }, { widget: 'address', group: '单位信息', prefill: { source: 'base_library', field: 'legal_entity.address' }, span: 24 }],
        claimed('agent_name', '经办人姓名', 'text', 'agent_name', '经办人信息'),
        claimed('agent_id_number', '经办人身份证号码', 'id_number', 'agent_id_number', '经办人信息', ID_NUMBER),
        claimed('agent_phone', '经办人手机号码', 'phone', 'agent_phone', '经办人信息', PHONE),
      ]
    : [
        claimed('applicant_name', '申请人姓名', 'text', 'name', '申请人信息'),
        claimed('applicant_id_number', '公民身份号码', 'id_number', 'id_number', '申请人信息', ID_NUMBER),
        claimed('applicant_phone', '联系电话', 'phone', 'phone', '申请人信息', PHONE),
      ];
  if (item.reasonField) fields.push(['apply_reason', { type: 'string', title: '申请事由', maxLength: 500 }, { widget: 'textarea', span: 24 }]);
  if (item.locationField) fields.push(['location', { type: 'string', title: '地址' }, { widget: 'address', span: 24 }]);
  return {
    schema: { type: 'object', properties: Object.fromEntries(fields.map(([key, p]) => [key, p])), required: fields.map(([key]) => key) },
    fields: Object.fromEntries(fields.map(([key, , hint], i) => [key, { ...hint, order: i + 1 } as Hint])),
  };
}

const resultOf = (item: SyntheticItem) =>
  item.type === '01' ? `${item.noun}许可证` : item.type === '07' ? `${item.noun}登记证明` : item.type === '02' ? '行政处罚决定书' : `${item.noun}办理结果`;

function processOf(item: SyntheticItem): string[] {
  const apply =
    item.depth >= 3 ? '申请：申请人通过广东政务服务网、粤省事（粤商通）或到政务服务中心综合窗口提交申请' : '申请：申请人到政务服务中心综合窗口提交申请材料';
  if (item.promised === 0) {
    return [apply, '受理：工作人员核验身份和材料，材料齐全、符合法定形式的当场受理', '办结：当场审核办结，出具结果' + (item.visits === 0 ? '（网上申请的结果以电子证照或电子文书推送）' : '')];
  }
  return [
    apply,
    '受理：材料齐全、符合法定形式的予以受理；材料不全的一次性告知需要补正的全部内容',
    `审查：${item.department.name}对申请材料进行审查，需要现场核查的组织核查`,
    '决定：作出准予或不予的决定；不予的书面说明理由并告知复议、诉讼权利',
    '送达：通过窗口领取、邮寄或电子证照、电子文书推送送达结果',
  ];
}

const HOURS = '周一至周五 上午9:00-12:00，下午14:30-17:30（法定节假日除外）';
const COMPANIES = ['enterprise', 'unincorporated'];
const ENTITIES = ['enterprise', 'public_institution', 'social_organization', 'unincorporated', 'other_organization'];

/** The row of the import template for a synthetic item. */
export function syntheticContent(item: SyntheticItem): Record<string, unknown> {
  const materials = materialsOf(item);
  const form = formOf(item);
  const mobile = item.depth >= 3 && item.hf;
  const mailMaterials = item.depth >= 3;
  const result = resultOf(item);
  const resultType = item.type === '01' || item.type === '07' ? 'certificate' : item.type === '02' ? 'document' : 'other';
  const required = materials.filter((m) => m.necessity === 'required');
  const limit = (days: number) => ({ immediate: days === 0, days });
  // The 四免 flags say what the content backs: prefilled fields, shared data, e-licences, no trip.
  const flags = {
    highFrequency: item.hf,
    noFill: true,
    noSubmit: materials.some((m) => m.replacedByBaseField !== undefined || m.source === 'data_sharing') && !required.some((m) => m.form === 'paper'),
    noLicense: materials.some((m) => m.replacedByLicenseType) && required.every((m) => m.source !== 'government' || m.replacedByLicenseType || m.replacedByBaseField),
    noTrip: item.visits === 0,
    crossProvince: item.crossProvince,
    ...(item.crossProvince ? { crossScope: 'nation' as const } : {}),
    instantApproval: item.instant,
    generalWindow: true,
    sso: item.depth >= 3,
    mobile,
    commitment: item.commitment,
    kiosk: item.kiosk,
  };
  // A line of the department's own: digits of its USCC (a 7-digit local number after 0766).
  const line = `0766-8${item.department.uscc.replace(/\D/g, '').slice(-5)}`;
  return {
    code: item.code,
    department: item.department.code,
    ...(item.popularity ? { popularity: item.popularity } : {}),
    name: item.name,
    typeCode: item.type,
    level: item.level,
    basic: {
      aliases: [`${item.noun}${item.colloquial}`, `办${item.noun}`],
      keywords: [item.noun, item.action.replace(/（.*）/, ''), ...(item.qualifier ? [item.qualifier.replace(/[（）]/g, '')] : [])],
      subjectNature: 'statutory',
      serviceObjects: item.entity ? (item.broadEntity ? ENTITIES : COMPANIES) : ['natural_person'],
      themes: { person: item.entity ? [] : [item.theme], entity: item.entity ? [item.theme] : [] },
    },
    legal: {
      legalBasis: [
        { law: '广东省政务服务事项目录（合成示例）', kind: 'setting', text: `${item.noun}${item.action}按照有关法律、法规、规章和本省政务服务事项标准化要求实施。本条为基准测试合成数据。` },
      ],
    },
    conditions: {
      conditions: [`符合${item.noun}${item.action}的法定条件`, item.entity ? '申请单位依法设立、信用良好' : '申请人具有完全民事行为能力或由监护人代为申请'],
    },
    materials: { materials },
    fees: {
      fees: item.fee
        ? {
            charged: true,
            items: [{ name: `${item.noun}工本费`, amountFen: item.fee.amountFen, standard: '按件收取', basis: '按国家和广东省价格、财政主管部门核定的标准收取（合成示例）', reducible: item.fee.reducible }],
            onlinePayment: item.depth >= 3,
          }
        : { charged: false },
    },
    limits: { statutoryLimit: limit(item.statutory), promisedLimit: limit(item.promised), caseType: item.promised === 0 ? 'immediate' : 'promised' },
    channels: {
      channels: ['window', ...(item.depth >= 3 ? ['online'] : []), ...(mobile ? ['mobile'] : []), ...(item.kiosk ? ['kiosk'] : []), ...(mailMaterials || (item.visits === 0 && item.depth < 3) ? ['mail'] : [])],
      onlineDepth: { national: item.depth === 4 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3].slice(0, item.depth), level: item.depth },
      visits: item.visits,
      visitReason: item.visitReason,
      halls: [{ name: `政务服务中心${item.department.shortName}窗口`, hours: HOURS }],
      appointment: { supported: true },
      mail: { materials: mailMaterials, results: resultType === 'certificate' },
      hours: HOURS,
    },
    flags: { flags },
    result: {
      result: { type: resultType, name: result, delivery: item.visits === 0 ? ['电子证照（文书）推送', '邮寄送达'] : ['窗口领取', '邮寄送达'] },
      process: { steps: processOf(item).map((name) => ({ name })) },
    },
    guide: {
      contact: { consultPhone: `${line}1`, complaintPhone: `${line}9` },
      faqs: [{ q: `${item.noun}${item.action}需要多长时间？`, a: item.promised === 0 ? '材料齐全的即时办结。' : `承诺${item.promised}个工作日内办结。` }],
    },
    form: { form },
  };
}
