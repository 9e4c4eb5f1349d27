import type { ItemContent } from '../content.ts';

/**
 * The spreadsheet template (docs/catalog-template.md): one row per item on the sheet 事项;
 * simple elements in plain columns, each element group as one JSON column, so the workbook
 * round-trips every field of ItemContent without a sheet per group.
 */
export const SHEET = '事项';
export const README_SHEET = '说明';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Column {
  key: string;
  header: string;
  /** Content keys the column carries (JSON columns hold an object with these keys). */
  contentKeys?: (keyof ItemContent)[];
  /** `item`: a property of the item itself, not of a version's content. */
  kind: 'text' | 'json' | 'readonly' | 'item';
  width: number;
  note: string;
}

export const COLUMNS: Column[] = [
  { key: 'code', header: '业务办理项编码', kind: 'text', width: 52, note: '必填。新编码新增事项，已有编码更新其草稿。' },
  { key: 'department', header: '实施部门编码', kind: 'text', width: 16, note: '必填，组织机构中的部门编码（如 445300-SCJGJ）。' },
  { key: 'status', header: '状态（导出用）', kind: 'readonly', width: 10, note: '导出时填写，导入时忽略。' },
  { key: 'versionNo', header: '版本（导出用）', kind: 'readonly', width: 8, note: '导出时填写，导入时忽略。' },
  {
    key: 'popularity',
    header: '热度',
    kind: 'item',
    width: 8,
    note: '0–100 的整数，同样匹配的搜索结果热度高者在前；留空则新事项为 0、已有事项不变。',
  },
  { key: 'name', header: '事项名称', kind: 'text', contentKeys: ['name'], width: 30, note: '必填。' },
  {
    key: 'typeCode',
    header: '事项类型代码',
    kind: 'text',
    contentKeys: ['typeCode'],
    width: 8,
    note: '01 行政许可、07 行政确认、21 公共服务……',
  },
  { key: 'level', header: '行使层级', kind: 'text', contentKeys: ['level'], width: 8, note: '1 国家 … 6 村。' },
  {
    key: 'basic',
    header: '基本信息(JSON)',
    kind: 'json',
    width: 40,
    contentKeys: ['aliases', 'keywords', 'handleItems', 'subjectNature', 'serviceObjects', 'jointDepartments', 'themes'],
    note: '别名、关键词、业务办理项、服务对象、主题。',
  },
  { key: 'legal', header: '设定依据(JSON)', kind: 'json', width: 40, contentKeys: ['legalBasis'], note: '法律依据数组。' },
  {
    key: 'conditions',
    header: '受理条件(JSON)',
    kind: 'json',
    width: 40,
    contentKeys: ['conditions', 'refusals', 'quantityLimit'],
    note: '受理条件、不予受理情形、数量限制。',
  },
  {
    key: 'materials',
    header: '申请材料(JSON)',
    kind: 'json',
    width: 40,
    contentKeys: ['materials'],
    note: '材料数组（必要性、类型、形式、来源、免提交依据）。',
  },
  { key: 'fees', header: '收费(JSON)', kind: 'json', width: 30, contentKeys: ['fees'], note: '金额以分为单位。' },
  {
    key: 'limits',
    header: '办理时限(JSON)',
    kind: 'json',
    width: 30,
    contentKeys: ['statutoryLimit', 'promisedLimit', 'caseType', 'specialProcedures'],
    note: '法定/承诺时限（工作日）、办件类型。',
  },
  {
    key: 'channels',
    header: '办理渠道(JSON)',
    kind: 'json',
    width: 40,
    contentKeys: ['channels', 'onlineDepth', 'onlineUrl', 'visits', 'visitReason', 'halls', 'appointment', 'mail', 'hours'],
    note: '渠道、网办深度、到现场次数、大厅窗口、预约、邮寄。',
  },
  { key: 'flags', header: '标识(JSON)', kind: 'json', width: 30, contentKeys: ['flags'], note: '高频、四免、跨省通办、秒批……' },
  {
    key: 'result',
    header: '办理结果(JSON)',
    kind: 'json',
    width: 30,
    contentKeys: ['result', 'intermediaries', 'process'],
    note: '结果类型与样本、中介服务、办理流程。',
  },
  {
    key: 'workflow',
    header: '审批流程(JSON)',
    kind: 'json',
    width: 30,
    contentKeys: ['workflow', 'instantRules', 'commitmentCheckDays'],
    note: '办件环节（受理、审查、特别程序、决定、缴费）、秒批规则、告知承诺核查期限；留空为默认流程。',
  },
  {
    key: 'guide',
    header: '咨询与问答(JSON)',
    kind: 'json',
    width: 40,
    contentKeys: ['contact', 'faqs', 'rights', 'obligations', 'notes'],
    note: '咨询投诉电话、常见问题、权利义务。',
  },
  { key: 'form', header: '申请表单(JSON)', kind: 'json', width: 40, contentKeys: ['form'], note: 'JSON Schema 与预填来源。' },
];

/** Every content key has exactly one column: checked by the unit test, so a new field is not lost on export. */
export const COLUMN_OF_KEY = new Map(COLUMNS.flatMap((c) => (c.contentKeys ?? []).map((k) => [k, c] as const)));

/** The row cells of one item. */
export function rowOf(
  code: string,
  department: string,
  status: string,
  versionNo: number,
  content: ItemContent,
  popularity?: number,
): Record<string, string | number> {
  const row: Record<string, string | number> = { code, department, status, versionNo, popularity: popularity ?? '' };
  for (const c of COLUMNS) {
    if (!c.contentKeys) continue;
    if (c.kind === 'text') {
      const v = content[c.contentKeys[0]!];
      row[c.key] = v === undefined ? '' : String(v);
      continue;
    }
    const part = Object.fromEntries(c.contentKeys.flatMap((k) => (content[k] === undefined ? [] : [[k, content[k]]])));
    row[c.key] = Object.keys(part).length ? JSON.stringify(part) : '';
  }
  return row;
}
