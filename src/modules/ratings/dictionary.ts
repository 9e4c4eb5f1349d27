/**
 * The national 好差评 dictionaries (国办发〔2019〕51号, GB/T 39734-2020 附录A as reproduced in
 * STANDARDS.md §1.2). They are version-managed nationally and may not be altered locally, so
 * they live in code, not in a table an administrator could edit.
 */

/** Five levels, ★5 … ★1; the stored value is the number of stars. */
export const LEVELS = [
  { level: 5, code: 'very_satisfied', name: '非常满意' },
  { level: 4, code: 'satisfied', name: '满意' },
  { level: 3, code: 'basic', name: '基本满意' },
  { level: 2, code: 'dissatisfied', name: '不满意' },
  { level: 1, code: 'very_dissatisfied', name: '非常不满意' },
] as const;
export type Level = 1 | 2 | 3 | 4 | 5;
/** 不满意 and 非常不满意 are bad ratings (差评): they open a rectification task. */
export const isBad = (level: number) => level <= 2;
/** What a rating that was not given in time counts as (Guangdong: 基本满意). */
export const DEFAULT_LEVEL: Level = 3;

/** Second-level dimensions under 整体满意度: online services and on-site services differ. */
export const DIMENSIONS = {
  online: [
    { code: 'efficiency', name: '办事效率' },
    { code: 'guide_accuracy', name: '办事指南精确度' },
    { code: 'convenience', name: '办事便捷度' },
    { code: 'usability', name: '平台操作性' },
  ],
  offline: [
    { code: 'service_efficiency', name: '服务效率' },
    { code: 'service_level', name: '服务水平' },
    { code: 'service_attitude', name: '服务态度' },
  ],
} as const;
export type DimensionSet = keyof typeof DIMENSIONS;

/** The national bad-rating tags (差评评价内容); a bad rating names at least one. */
export const BAD_TAGS = [
  { code: 'overdue_statutory', name: '无理由超过法定办理时间' },
  { code: 'overdue_promised', name: '未在承诺时间内办结' },
  { code: 'extra_conditions', name: '在办事指南之外增加新的审批条件' },
  { code: 'extra_materials', name: '需提供办事指南之外的申报材料' },
  { code: 'guide_inaccurate', name: '办事指南内容不准确、不完整' },
  { code: 'repeated_visits', name: '需多次到现场办理' },
  { code: 'long_wait', name: '排队等候时间过长' },
  { code: 'attitude', name: '工作人员服务态度差' },
  { code: 'unskilled', name: '工作人员业务不熟练' },
  { code: 'system_hard', name: '平台操作不便捷、系统不稳定' },
  { code: 'other', name: '其他' },
] as const;
export const BAD_TAG_CODES: readonly string[] = BAD_TAGS.map((t) => t.code);

/**
 * Where a rating was given. `default` marks a rating the system recorded as 基本满意 because
 * none was given in time; the others are the channels of 国办发〔2019〕51号.
 */
export const CHANNELS = ['portal', 'mobile', 'hall_pad', 'kiosk', 'hotline', 'sms', 'default'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a person uses directly (the others are a clerk's pad, an agent, the SMS link, the timer). */
export const SELF_CHANNELS = ['portal', 'mobile', 'kiosk'] as const;

/** When a case is rated: at completion always; at submission and acceptance when 一事多评 is on. */
export const STAGES = ['submitted', 'accepted', 'completed'] as const;
export type Stage = (typeof STAGES)[number];

export const MAX_COMMENT = 1000;

export const levelName = (level: number) => LEVELS.find((l) => l.level === level)?.name ?? String(level);
export const tagName = (code: string) => BAD_TAGS.find((t) => t.code === code)?.name ?? code;
