import type { AppContext } from '../../../kernel/context.ts';
import * as clock from '../../../kernel/clock.ts';
import { sm3Hex } from '../../../kernel/crypto/sm3.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { assignUscc } from '../../../kernel/validate/index.ts';
import type { ItemContent, RegisteredSubject } from '../../catalog/index.ts';
import { recordLegalEntities } from '../../identity/index.ts';
import { departments } from '../../org/index.ts';
import type { CaseRow } from '../model.ts';
import type { Applicant } from './licence.ts';

export type Registers = NonNullable<NonNullable<ItemContent['result']>['registers']>;

/** GB 32100 institution type under 市场监管 (authority 9) of what a 设立登记 registers. */
const INSTITUTION_TYPE: Record<RegisteredSubject, string> = { enterprise: '1', individual_business: '2', cooperative: '3' };
/** 营业执照 类型 when the form does not say. */
const SUBJECT_TYPE_NAME: Record<RegisteredSubject, string> = { enterprise: '企业', individual_business: '个体工商户', cooperative: '农民专业合作社' };

/** The market subject a 设立登记 registered, and the licence fields its registration fills. */
export interface Registered {
  name: string;
  uscc: string;
  /**
   * What the registration says, under the names a 营业执照 type's fields read from a form
   * (`entityType` ← `entity_type`, see license's fieldsFromForm): 类型, 住所, 法定代表人, 成立日期.
   */
  fields: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * 设立登记: the decision registers the subject the form names. It gets its 统一社会信用代码 from
 * the deciding department's region and the case (the same case registers the same code again, so
 * a result produced twice registers nothing new), and the 法人库 learns it with its 法定代表人 (经营者)
 * when that is the applicant — whose ID number the platform knows — so that the applicant adds it
 * under 我的企业 and is proven by the registry at once. A 法定代表人 other than the applicant is
 * proven at the window, as for any enterprise the registry does not confirm.
 */
export async function registerSubject(ctx: AppContext, tx: Tx, c: CaseRow, spec: Registers, form: Record<string, unknown>, applicant: Applicant): Promise<Registered> {
  const dept = await departments.fetch(tx, c.department_id);
  if (!dept) throw new AppError('RESULT_DEPARTMENT_MISSING', 409, {}, { departmentId: c.department_id });
  const uscc = assignUscc('9', INSTITUTION_TYPE[spec.subject], dept.regionCode.slice(0, 6), Buffer.from(sm3Hex(`yiwang.registration:${c.id}`), 'hex'));
  const named = text(form[spec.nameField]);
  // a 个体工商户 may have no 字号 (the form says 无): it is known by its 经营者
  const name = named && named !== '无' ? named : spec.subject === 'individual_business' ? applicant.name : '';
  if (!name) throw new AppError('RESULT_REGISTERED_NAME', 409, {}, { field: spec.nameField });
  const legalRep = (spec.legalRepField && text(form[spec.legalRepField])) || applicant.name;
  if (applicant.ref.kind === 'person' && legalRep === applicant.name) {
    await recordLegalEntities(tx, personalData(ctx.config.masterKey), [{ uscc, name, legalRepName: legalRep, legalRepIdNumber: applicant.code, regionCode: dept.regionCode }]);
  }
  const fields: Record<string, unknown> = {
    entity_type: (spec.typeField && text(form[spec.typeField])) || SUBJECT_TYPE_NAME[spec.subject],
    legal_representative: legalRep,
    established_on: clock.today(),
  };
  const address = spec.addressField && text(form[spec.addressField]);
  if (address) fields.entity_address = address;
  return { name, uscc, fields };
}
