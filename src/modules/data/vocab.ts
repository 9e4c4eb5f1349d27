// The resource catalogue's controlled vocabularies (政务信息资源目录编制指南（试行）, 发改高技〔2017〕1272号,
// and 国发〔2016〕51号 for the sharing types). Server-free: the web app imports them through api.ts.

/** 共享类型: 无条件共享 (every department), 有条件共享 (on approval), 不予共享 (only with a legal basis). */
export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type SharingType = (typeof SHARING_TYPES)[number];
/** How open a sharing type is: a field may be as open as its resource, never more. */
export const SHARING_RANK: Record<SharingType, number> = { unconditional: 2, conditional: 1, none: 0 };

/** 共享方式: online queries through the gateway (接口), bulk exchange (批量交换), or both. */
export const SHARING_METHODS = ['api', 'bulk', 'both'] as const;
export type SharingMethod = (typeof SHARING_METHODS)[number];

/** 开放属性: 无条件开放, 有条件开放, 不予开放. */
export const OPEN_TYPES = ['open', 'conditional', 'closed'] as const;
export type OpenType = (typeof OPEN_TYPES)[number];

/** 更新周期. */
export const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
export type UpdateCycle = (typeof UPDATE_CYCLES)[number];

/** 信息资源格式: a database table, electronic files, or an interface. */
export const RESOURCE_FORMATS = ['database', 'file', 'api'] as const;
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number];

/** 数据类型 of an information item (信息项). */
export const FIELD_TYPES = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'binary'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const RESOURCE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/**
 * 信息资源分类, 类 (1 digit) + 项 (2 digits): 基础信息资源 (1), 主题信息资源 (2), 部门信息资源 (3);
 * 目 (3 digits) and 细目 follow in a resource's class code.
 */
export const RESOURCE_CLASSES: Readonly<Record<string, string>> = {
  '1': '基础信息资源',
  '101': '人口',
  '102': '法人单位',
  '103': '自然资源和空间地理',
  '104': '社会信用',
  '105': '电子证照',
  '2': '主题信息资源',
  '201': '公共服务',
  '202': '健康保障',
  '203': '社会保障',
  '204': '食品药品安全',
  '205': '安全生产',
  '206': '价格监管',
  '207': '能源安全',
  '208': '信用体系',
  '209': '城乡建设',
  '210': '社区治理',
  '211': '生态环保',
  '212': '应急维稳',
  '3': '部门信息资源',
  '301': '部门业务',
};

/** 分类码: 类 + 项 + 目 (3 digits), optionally 细目 (up to 6 digits); 类 + 项 must be in RESOURCE_CLASSES. */
export const CLASS_CODE_PATTERN = '^[1-3][0-9]{2}[0-9]{3}([0-9]{1,6})?$';
