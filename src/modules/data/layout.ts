import type { PersonalKind } from '../../kernel/guide/form.ts';
import type { FieldType, OpenType, ResourceFormat, SharingMethod, SharingType, UpdateCycle } from './vocab.ts';

// The catalogue's workbook in the layout of the national 目录 (政务信息资源目录编制指南): one row per
// 信息项, the resource's columns on its first row (and, as people fill it, either repeated or left
// empty on the rows after). Columns the guide does not have and the platform needs: 信息项代码
// (the key department systems see), 信息项共享类型 (a field may be shared less than its resource),
// 是否必填 (the completeness rule of the base libraries), 主键信息项 and 区划信息项 (how a record is
// found through the gateway and which region's rows it is).

export const COLUMNS = [
  ['classCode', '信息资源分类'],
  ['name', '信息资源名称'],
  ['code', '信息资源代码'],
  ['providerName', '信息资源提供方'],
  ['providerCode', '资源提供方代码'],
  ['summary', '信息资源摘要'],
  ['format', '信息资源格式'],
  ['fieldName', '信息项名称'],
  ['fieldKey', '信息项代码'],
  ['fieldType', '数据类型'],
  ['fieldLength', '数据长度'],
  ['fieldPersonal', '个人信息类别'],
  ['fieldSharing', '信息项共享类型'],
  ['fieldDataItem', '数据元'],
  ['fieldAuthoritative', '权威来源'],
  ['fieldRequired', '是否必填'],
  ['sharingType', '共享类型'],
  ['sharingCondition', '共享条件'],
  ['sharingMethod', '共享方式'],
  ['openType', '开放类型'],
  ['openCondition', '开放条件'],
  ['updateCycle', '更新周期'],
  ['sourceSystem', '来源系统'],
  ['legalBasis', '法律依据'],
  ['relatedCodes', '关联资源代码'],
  ['keyField', '主键信息项'],
  ['regionField', '区划信息项'],
  ['publishedAt', '发布日期'],
] as const;
export type Column = (typeof COLUMNS)[number][0];
/** The resource's own columns: a row with any of them filled starts a resource. */
export const RESOURCE_COLUMNS: readonly Column[] = ['classCode', 'name', 'code', 'providerName', 'providerCode', 'summary', 'format'];

/** The words of the workbook for each code, both ways. */
export const WORDS = {
  format: { database: '数据库', file: '电子文件', api: '接口' } satisfies Record<ResourceFormat, string>,
  sharing: { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' } satisfies Record<SharingType, string>,
  method: { api: '接口', bulk: '批量交换', both: '接口和批量交换' } satisfies Record<SharingMethod, string>,
  open: { open: '无条件开放', conditional: '有条件开放', closed: '不予开放' } satisfies Record<OpenType, string>,
  cycle: { realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年', irregular: '不定期' } satisfies Record<UpdateCycle, string>,
  type: { string: '字符型', integer: '整数型', decimal: '数值型', date: '日期型', datetime: '日期时间型', boolean: '布尔型', binary: '二进制' } satisfies Record<FieldType, string>,
  personal: {
    id_number: '身份证件号码',
    passport: '护照号码',
    phone: '手机号码',
    bank_account: '银行账号',
    address: '地址',
    email: '电子邮箱',
    name: '姓名',
    other: '其他个人信息',
  } satisfies Record<PersonalKind, string>,
} as const;

/** The code of a word of `table` (or the code itself typed in); undefined when it is neither. */
export function codeOf<T extends string>(table: Record<T, string>, word: string): T | undefined {
  const w = word.trim();
  for (const [code, label] of Object.entries(table) as [T, string][]) if (w === label || w === code) return code;
  return undefined;
}
