/**
 * 证照状态 and 操作类型 codes of the national licence exchange (STANDARDS.md §1.3). The codes are
 * what other systems exchange; `name` keys are for display (i18n `licence.status.<code>`).
 */
export const LICENCE_STATUSES = ['01', '02', '03', '04', '05', '06', '07', '99'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export const STATUS_NAMES: Record<LicenceStatus, string> = {
  '01': '有效',
  '02': '暂扣',
  '03': '撤销',
  '04': '注销',
  '05': '失效',
  '06': '办理转出',
  '07': '吊销',
  '99': '其他',
};

export const OPERATIONS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_NAMES: Record<Operation, string> = {
  '01': '新发',
  '02': '延续',
  '03': '暂扣',
  '04': '过期失效',
  '05': '注销（撤销/吊销/转出）',
  '06': '暂扣发还',
  '07': '其他',
  '08': '转入',
  '09': '变更',
  '10': '取消转出',
};

/**
 * Status changes staff may make on an existing licence, with the statuses they start from.
 * 05 ends a licence as 撤销 (03), 注销 (04), 吊销 (07) or 办理转出 (06), named by `status`.
 * 延续 (02) and 变更 (09) issue a new version instead (see issue.ts).
 */
export const STATUS_OPERATIONS: Record<'03' | '05' | '06' | '10', { from: LicenceStatus[]; to: LicenceStatus[] }> = {
  '03': { from: ['01'], to: ['02'] },
  '06': { from: ['02'], to: ['01'] },
  '05': { from: ['01', '02'], to: ['03', '04', '06', '07'] },
  '10': { from: ['06'], to: ['01'] },
};

/** What a verifier is told, in one word. */
export const VERDICTS = ['valid', 'suspended', 'revoked', 'cancelled', 'expired', 'invalid', 'tampered', 'wrong_key', 'not_found'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function verdictForStatus(status: LicenceStatus, validTo: string | null, today: string): Verdict {
  switch (status) {
    case '01':
      return validTo !== null && validTo < today ? 'expired' : 'valid';
    case '02':
      return 'suspended';
    case '03':
    case '07':
      return 'revoked';
    case '04':
      return 'cancelled';
    default:
      // 05 失效 (superseded by a renewal or change, or ended), 06 转出, 99 其他
      return 'invalid';
  }
}
