import { Ajv } from 'ajv';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { personalKindOf } from '../../kernel/guide/form.ts';
import type { ItemContent } from './content.ts';

/**
 * Quality rules for an item version (STANDARDS.md §2.5 and the 14 core guide fields). Each rule
 * is a pure function of the content (plus the reference data it may point to) and returns its
 * issues. `error` blocks submission and publication; `warning` is shown to the editor only.
 */
export type Severity = 'error' | 'warning';
export interface Issue {
  rule: string;
  severity: Severity;
  /** Dotted path of the field the issue is about (for the editor to highlight). */
  field: string;
  params?: Record<string, string | number>;
}

export interface RuleContext {
  /** Known licence type codes; undefined = not checked. */
  licenseTypes?: ReadonlySet<string>;
  /** Known base-library fields; undefined = not checked. */
  baseFields?: ReadonlySet<string>;
  /** Known item type codes; undefined = not checked. */
  typeCodes?: ReadonlySet<string>;
}

export type Rule = { id: string; check: (c: ItemContent, ctx: RuleContext) => Issue[] };

const issue = (rule: string, field: string, params?: Issue['params'], severity: Severity = 'error'): Issue =>
  params ? { rule, severity, field, params } : { rule, severity, field };
const blank = (s: string | undefined | null) => !s || s.trim() === '';
const onlineLevel = (c: ItemContent) => c.onlineDepth?.level ?? 0;
/** 咨询/投诉电话 with an area code (0766-1234567), or a national service number (12345, 12315 …). */
const PHONE = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1\d{4}|400-?\d{3}-?\d{4})$/;

/** The 14 core guide fields (办事指南 必备要素). */
export const requiredFields: Rule = {
  id: 'REQUIRED_FIELDS',
  check(c) {
    const out: Issue[] = [];
    const need = (ok: boolean, field: string) => {
      if (!ok) out.push(issue('REQUIRED_FIELDS', field));
    };
    need(!blank(c.typeCode), 'typeCode');
    need(!!c.serviceObjects?.length, 'serviceObjects');
    need(!!c.conditions?.length, 'conditions');
    need(!!c.materials?.length, 'materials');
    need(!!c.process?.steps.length, 'process.steps');
    need(!!c.statutoryLimit, 'statutoryLimit');
    need(!!c.promisedLimit, 'promisedLimit');
    need(!!c.fees, 'fees');
    need(!!c.halls?.length, 'halls');
    need(!blank(c.hours), 'hours');
    need(!blank(c.contact?.consultPhone), 'contact.consultPhone');
    need(!blank(c.contact?.complaintPhone), 'contact.complaintPhone');
    need(!!c.onlineDepth, 'onlineDepth');
    need(!!c.caseType, 'caseType');
    need(!!c.channels?.length, 'channels');
    need(c.visits !== undefined, 'visits');
    need(!!c.level, 'level');
    return out;
  },
};

/** A known item type from the dictionary. */
export const knownType: Rule = {
  id: 'TYPE_UNKNOWN',
  check(c, ctx) {
    if (!c.typeCode || !ctx.typeCodes || ctx.typeCodes.has(c.typeCode)) return [];
    return [issue('TYPE_UNKNOWN', 'typeCode', { typeCode: c.typeCode })];
  },
};

/** Administrative powers need a legal basis (公共服务 should have one too: warning). */
export const legalBasis: Rule = {
  id: 'LEGAL_BASIS',
  check(c) {
    if (c.legalBasis?.length) return [];
    return [issue('LEGAL_BASIS', 'legalBasis', undefined, c.typeCode === '21' ? 'warning' : 'error')];
  },
};

/** 承诺时限非即办 ⇒ 办件类型 = 承诺件; 即办 ⇒ 即办件. */
export const caseTypeMatchesLimit: Rule = {
  id: 'CASE_TYPE_LIMIT',
  check(c) {
    if (!c.promisedLimit || !c.caseType) return [];
    const immediate = c.promisedLimit.immediate || c.promisedLimit.days === 0;
    const expected = immediate ? 'immediate' : 'promised';
    return c.caseType === expected ? [] : [issue('CASE_TYPE_LIMIT', 'caseType', { expected })];
  },
};

/** A limit is either 即办 with 0 days or a positive number of working days. */
export const limitShape: Rule = {
  id: 'LIMIT_SHAPE',
  check(c) {
    const out: Issue[] = [];
    for (const field of ['statutoryLimit', 'promisedLimit'] as const) {
      const l = c[field];
      if (l && l.immediate && l.days !== 0) out.push(issue('LIMIT_SHAPE', `${field}.days`));
      if (l && !l.immediate && l.days === 0) out.push(issue('LIMIT_SHAPE', `${field}.immediate`));
    }
    return out;
  },
};

/** 承诺时限 ≤ 法定时限. */
export const promisedWithinStatutory: Rule = {
  id: 'PROMISED_EXCEEDS_STATUTORY',
  check(c) {
    const s = c.statutoryLimit;
    const p = c.promisedLimit;
    if (!s || !p || s.immediate) return s?.immediate && p && !p.immediate ? [issue('PROMISED_EXCEEDS_STATUTORY', 'promisedLimit.days')] : [];
    return p.days > s.days ? [issue('PROMISED_EXCEEDS_STATUTORY', 'promisedLimit.days', { statutory: s.days, promised: p.days })] : [];
  },
};

/** 审批结果名称 "…证" ⇒ 出证办结, "…批复" ⇒ 审批办结, "…文" ⇒ 出文办结. */
export const resultTypeMatchesName: Rule = {
  id: 'RESULT_TYPE_NAME',
  check(c) {
    const name = c.result?.name?.trim();
    if (!name || !c.result) return [];
    // 凭证 (a receipt) is not a licence.
    const expected = /批复$/.test(name) ? 'approval' : /(?<!凭)证$/.test(name) ? 'certificate' : /文$/.test(name) ? 'document' : undefined;
    return expected && expected !== c.result.type ? [issue('RESULT_TYPE_NAME', 'result.type', { expected })] : [];
  },
};

/** A 延续 (02) or 变更 (09) result makes a new version of a licence the applicant holds: of which type must be named. */
export const licenceOperationType: Rule = {
  id: 'RESULT_LICENSE_OPERATION',
  check(c) {
    const op = c.result?.licenseOperation;
    return op && op !== '01' && blank(c.result?.licenseTypeCode) ? [issue('RESULT_LICENSE_OPERATION', 'result.licenseTypeCode')] : [];
  },
};

/**
 * The result's licence whose holder comes from the form (`result.registers`, `result.holder`
 * under `part`): a licence of a named type, and each field it names a field of the item's form.
 */
function resultFromForm(c: ItemContent, id: string, part: 'registers' | 'holder', fields: Record<string, string | undefined>): Issue[] {
  const out: Issue[] = [];
  if (blank(c.result?.licenseTypeCode)) out.push(issue(id, 'result.licenseTypeCode'));
  const properties = (c.form?.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  for (const [key, field] of Object.entries(fields)) {
    if (field !== undefined && !(field in properties)) out.push(issue(id, `result.${part}.${key}`, { field }));
  }
  return out;
}

/**
 * A 设立登记 registers its subject: the licence it issues is new (01) and of a named type, and the
 * fields that name, house and represent the subject are fields of the item's form.
 */
export const registersFromForm: Rule = {
  id: 'RESULT_REGISTERS',
  check(c) {
    const r = c.result?.registers;
    if (!r) return [];
    const { nameField, addressField, legalRepField, typeField } = r;
    const out = resultFromForm(c, 'RESULT_REGISTERS', 'registers', { nameField, addressField, legalRepField, typeField });
    if (c.result?.licenseOperation && c.result.licenseOperation !== '01') out.push(issue('RESULT_REGISTERS', 'result.licenseOperation'));
    return out;
  },
};

/** A licence held by a person the form names (外国人工作许可证), never also a 设立登记's. */
export const holderFromForm: Rule = {
  id: 'RESULT_HOLDER',
  check(c) {
    const h = c.result?.holder;
    if (!h) return [];
    const out = resultFromForm(c, 'RESULT_HOLDER', 'holder', { nameField: h.nameField, codeField: h.codeField });
    if (c.result?.registers) out.push(issue('RESULT_HOLDER', 'result.registers'));
    return out;
  },
};

/** 到现场次数 > 0 ⇒ 必须现场办理原因; = 0 ⇒ the reason is "无". */
export const visitReason: Rule = {
  id: 'VISIT_REASON',
  check(c) {
    if (c.visits === undefined) return [];
    const reason = c.visitReason?.trim() ?? '';
    if (c.visits > 0 && (reason === '' || reason === '无')) return [issue('VISIT_REASON', 'visitReason')];
    if (c.visits === 0 && reason !== '' && reason !== '无') return [issue('VISIT_REASON_ZERO', 'visitReason')];
    return [];
  },
};

/** 网办深度 Ⅳ级 (全程网办) ⇒ 到现场次数 = 0. */
export const fullOnlineZeroVisits: Rule = {
  id: 'DEPTH4_VISITS',
  check(c) {
    return onlineLevel(c) === 4 && (c.visits ?? 0) > 0 ? [issue('DEPTH4_VISITS', 'visits', { visits: c.visits ?? 0 })] : [];
  },
};

/** 到现场次数 = 0 and not online ⇒ 办理形式 includes 邮寄申请. */
export const zeroVisitsNeedChannel: Rule = {
  id: 'ZERO_VISITS_CHANNEL',
  check(c) {
    if (c.visits !== 0 || !c.channels) return [];
    const online = c.channels.includes('online') || c.channels.includes('mobile');
    return online || c.channels.includes('mail') ? [] : [issue('ZERO_VISITS_CHANNEL', 'channels')];
  },
};

/** The two depth schemes agree: Ⅳ needs 受理 (4) and 办理 (5); Ⅲ needs 预审 (3); online channel ⇔ level ≥ 1. */
export const depthSchemesAgree: Rule = {
  id: 'DEPTH_SCHEMES',
  check(c) {
    const d = c.onlineDepth;
    if (!d) return [];
    const has = (n: number) => d.national.includes(n);
    const out: Issue[] = [];
    if (d.level === 4 && !(has(4) && has(5))) out.push(issue('DEPTH_SCHEMES', 'onlineDepth.national', { level: 4 }));
    if (d.level === 3 && !has(3) && !has(4)) out.push(issue('DEPTH_SCHEMES', 'onlineDepth.national', { level: 3 }));
    if (d.level === 0 && d.national.length > 0) out.push(issue('DEPTH_SCHEMES', 'onlineDepth.level', { level: 0 }));
    const online = c.channels?.includes('online') ?? false;
    if (online && d.level < 3) out.push(issue('ONLINE_CHANNEL_DEPTH', 'onlineDepth.level'));
    if (!online && d.level >= 3) out.push(issue('ONLINE_CHANNEL_DEPTH', 'channels'));
    return out;
  },
};

/** 是否收费 = 是 ⇒ 收费项目, 收费依据 (per item or overall) and whether online payment is offered. */
export const feeBasis: Rule = {
  id: 'FEE_BASIS',
  check(c) {
    const f = c.fees;
    if (!f) return [];
    if (!f.charged) return f.items?.length ? [issue('FEE_ITEMS_UNCHARGED', 'fees.items')] : [];
    const out: Issue[] = [];
    if (!f.items?.length) out.push(issue('FEE_ITEMS', 'fees.items'));
    f.items?.forEach((item, i) => {
      if (blank(item.basis) && blank(f.basis)) out.push(issue('FEE_BASIS', `fees.items.${i}.basis`));
      if (item.amountFen === undefined && blank(item.standard)) out.push(issue('FEE_STANDARD', `fees.items.${i}.standard`));
    });
    if (f.onlinePayment === undefined) out.push(issue('FEE_ONLINE_PAYMENT', 'fees.onlinePayment'));
    return out;
  },
};

/** 咨询电话 and 投诉电话 both present, different, with area code. */
export const phones: Rule = {
  id: 'PHONES',
  check(c) {
    const consult = c.contact?.consultPhone?.trim();
    const complaint = c.contact?.complaintPhone?.trim();
    const out: Issue[] = [];
    if (consult && !PHONE.test(consult)) out.push(issue('PHONE_FORMAT', 'contact.consultPhone'));
    if (complaint && !PHONE.test(complaint)) out.push(issue('PHONE_FORMAT', 'contact.complaintPhone'));
    if (consult && complaint && consult.replace(/-/g, '') === complaint.replace(/-/g, '')) {
      out.push(issue('PHONES_SAME', 'contact.complaintPhone'));
    }
    return out;
  },
};

/** Materials: 共享获取 names what replaces it; references must exist; 容缺 only for non-core material. */
export const materialSources: Rule = {
  id: 'MATERIAL_SOURCE',
  check(c, ctx) {
    const out: Issue[] = [];
    const seen = new Set<string>();
    (c.materials ?? []).forEach((m, i) => {
      const at = `materials.${i}`;
      if (m.source === 'data_sharing' && !m.replacedByBaseField && !m.replacedByLicenseType) {
        out.push(issue('MATERIAL_SHARING_SOURCE', `${at}.replacedByBaseField`));
      }
      if (m.replacedByBaseField && m.replacedByLicenseType) out.push(issue('MATERIAL_TWO_SOURCES', `${at}.replacedByLicenseType`));
      if (m.replacedByLicenseType && ctx.licenseTypes && !ctx.licenseTypes.has(m.replacedByLicenseType)) {
        out.push(issue('MATERIAL_LICENSE_TYPE_UNKNOWN', `${at}.replacedByLicenseType`, { code: m.replacedByLicenseType }));
      }
      if (m.replacedByBaseField && ctx.baseFields && !ctx.baseFields.has(m.replacedByBaseField)) {
        out.push(issue('MATERIAL_BASE_FIELD_UNKNOWN', `${at}.replacedByBaseField`, { field: m.replacedByBaseField }));
      }
      if (m.form === 'electronic' && (m.count ?? 0) > 0) out.push(issue('MATERIAL_COUNT', `${at}.count`, undefined, 'warning'));
      const key = m.name.trim();
      if (seen.has(key)) out.push(issue('MATERIAL_DUPLICATE', `${at}.name`, { name: key }));
      seen.add(key);
    });
    return out;
  },
};

/** 四免 flags must be backed by the content they claim. */
export const fourFreeBacked: Rule = {
  id: 'FOUR_FREE',
  check(c) {
    const f = c.flags ?? {};
    const out: Issue[] = [];
    const materials = c.materials ?? [];
    if (f.noTrip && (c.visits ?? 0) > 0) out.push(issue('FOUR_FREE_TRIP', 'flags.noTrip'));
    if (f.noLicense) {
      const issued = materials.filter((m) => m.source === 'government' && m.necessity === 'required');
      if (issued.some((m) => !m.replacedByLicenseType && !m.replacedByBaseField)) out.push(issue('FOUR_FREE_LICENSE', 'flags.noLicense'));
    }
    if (f.noSubmit && materials.some((m) => m.necessity === 'required' && m.form === 'paper')) {
      out.push(issue('FOUR_FREE_SUBMIT', 'flags.noSubmit'));
    }
    if (f.noFill) {
      const fields = Object.values(c.form?.fields ?? {});
      if (!fields.some((x) => x.prefill)) out.push(issue('FOUR_FREE_FILL', 'flags.noFill'));
    }
    return out;
  },
};

/** 跨省通办 ⇒ 通办范围 beyond the province; 秒批 ⇒ 即办; 掌上办 ⇒ mobile channel. */
export const flagsConsistent: Rule = {
  id: 'FLAGS',
  check(c) {
    const f = c.flags ?? {};
    const out: Issue[] = [];
    if (f.crossProvince && f.crossScope !== 'nation' && f.crossScope !== 'pan_prd') out.push(issue('CROSS_PROVINCE_SCOPE', 'flags.crossScope'));
    if (f.instantApproval && c.promisedLimit && !c.promisedLimit.immediate) out.push(issue('INSTANT_APPROVAL_LIMIT', 'promisedLimit'));
    if (f.mobile && c.channels && !c.channels.includes('mobile')) out.push(issue('MOBILE_CHANNEL', 'channels'));
    if (f.sso && onlineLevel(c) < 3) out.push(issue('SSO_NOT_ONLINE', 'flags.sso', undefined, 'warning'));
    return out;
  },
};

// Only asked whether a schema compiles (the function is dropped): optimising the generated code
// would double the cost of the check for nothing.
const formAjv = new Ajv({ strict: false, allErrors: false, validateSchema: true, validateFormats: false, logger: false, code: { optimize: false } });

/**
 * Why a form's JSON Schema does not compile (undefined: it does), remembered by the schema's
 * canonical JSON. Compiling is by far the dearest check, and the same content is checked again
 * at every step of the workflow, a whole imported list at once.
 */
const schemaVerdicts = new Map<string, string | undefined>();
const MAX_VERDICTS = 5000;

function schemaError(schema: object): string | undefined {
  const key = canonicalJson(schema);
  if (schemaVerdicts.has(key)) return schemaVerdicts.get(key);
  let verdict: string | undefined;
  try {
    formAjv.compile(schema);
    formAjv.removeSchema(schema);
  } catch (err) {
    verdict = (err as Error).message.slice(0, 200);
  }
  if (schemaVerdicts.size >= MAX_VERDICTS) schemaVerdicts.delete(schemaVerdicts.keys().next().value!);
  schemaVerdicts.set(key, verdict);
  return verdict;
}

/** The form's JSON Schema compiles; layout and prefill name existing fields and known sources. */
export const formDefinition: Rule = {
  id: 'FORM',
  check(c, ctx) {
    const form = c.form;
    if (!form) return [];
    const out: Issue[] = [];
    const reason = schemaError(form.schema);
    if (reason !== undefined) {
      out.push(issue('FORM_SCHEMA', 'form.schema', { reason }));
      return out;
    }
    const props = form.schema.properties ?? {};
    for (const req of form.schema.required ?? []) if (!(req in props)) out.push(issue('FORM_REQUIRED_UNKNOWN', 'form.schema.required', { name: req }));
    for (const [name, hint] of Object.entries(form.fields ?? {})) {
      if (!(name in props)) out.push(issue('FORM_FIELD_UNKNOWN', `form.fields.${name}`, { name }));
      // cases treat it as personal all the same; the warning asks the author to say so
      if (!hint.personal && personalKindOf(hint)) out.push(issue('FORM_PERSONAL_UNDECLARED', `form.fields.${name}.personal`, { name }, 'warning'));
      const p = hint.prefill;
      if (!p) continue;
      if (p.source === 'identity' && blank(p.claim)) out.push(issue('FORM_PREFILL', `form.fields.${name}.prefill.claim`));
      if (p.source === 'base_library') {
        if (blank(p.field)) out.push(issue('FORM_PREFILL', `form.fields.${name}.prefill.field`));
        else if (ctx.baseFields && !ctx.baseFields.has(p.field!)) out.push(issue('MATERIAL_BASE_FIELD_UNKNOWN', `form.fields.${name}.prefill.field`, { field: p.field! }));
      }
      if (p.source === 'license') {
        if (blank(p.licenseTypeCode)) out.push(issue('FORM_PREFILL', `form.fields.${name}.prefill.licenseTypeCode`));
        else if (ctx.licenseTypes && !ctx.licenseTypes.has(p.licenseTypeCode!)) {
          out.push(issue('MATERIAL_LICENSE_TYPE_UNKNOWN', `form.fields.${name}.prefill.licenseTypeCode`, { code: p.licenseTypeCode! }));
        }
      }
    }
    return out;
  },
};

/**
 * The workflow the cases module will run: 受理 first and only there, one 决定, unique keys, a
 * procedure named on special steps, 缴费 only after the decision and only for charged items;
 * 秒批 rules only on 秒批 items and only over fields the form has.
 */
export const workflowShape: Rule = {
  id: 'WORKFLOW',
  check(c) {
    const out: Issue[] = [];
    const steps = c.workflow;
    if (steps) {
      const bad = (what: string) => out.push(issue(`WORKFLOW_${what}`, 'workflow'));
      if (steps[0]?.kind !== 'accept' || steps.slice(1).some((s) => s.kind === 'accept')) bad('ACCEPT_FIRST');
      const decide = steps.findIndex((s) => s.kind === 'decide');
      if (decide < 0 || steps.filter((s) => s.kind === 'decide').length > 1) bad('ONE_DECIDE');
      if (new Set(steps.map((s) => s.key)).size !== steps.length) bad('UNIQUE_KEYS');
      if (steps.some((s) => s.kind === 'special' && !s.procedure)) bad('PROCEDURE');
      const pay = steps.findIndex((s) => s.kind === 'payment');
      if (pay >= 0 && (pay < decide || !c.fees?.charged)) bad('PAYMENT');
    }
    const rules = c.instantRules ?? [];
    if (rules.length && !c.flags?.instantApproval) out.push(issue('INSTANT_RULES_FLAG', 'instantRules', undefined, 'warning'));
    const props = c.form?.schema.properties ?? {};
    for (const [i, r] of rules.entries()) {
      const [source, name] = r.fact.split('.') as [string, string];
      if (source === 'form' && !(name in props)) out.push(issue('INSTANT_RULE_FACT', `instantRules.${i}.fact`, { fact: r.fact }));
      if (source === 'applicant' && !['age', 'idRegion', 'kind'].includes(name)) out.push(issue('INSTANT_RULE_FACT', `instantRules.${i}.fact`, { fact: r.fact }));
    }
    return out;
  },
};

export const RULES: Rule[] = [
  requiredFields,
  knownType,
  legalBasis,
  caseTypeMatchesLimit,
  limitShape,
  promisedWithinStatutory,
  resultTypeMatchesName,
  licenceOperationType,
  registersFromForm,
  holderFromForm,
  visitReason,
  fullOnlineZeroVisits,
  zeroVisitsNeedChannel,
  depthSchemesAgree,
  feeBasis,
  phones,
  materialSources,
  fourFreeBacked,
  workflowShape,
  flagsConsistent,
  formDefinition,
];

export interface QualityReport {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export function checkQuality(content: ItemContent, ctx: RuleContext = {}): QualityReport {
  const all = RULES.flatMap((r) => r.check(content, ctx));
  const errors = all.filter((i) => i.severity === 'error');
  return { ok: errors.length === 0, errors, warnings: all.filter((i) => i.severity === 'warning') };
}
