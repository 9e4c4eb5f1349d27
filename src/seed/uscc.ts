import { orgCodeCheckChar, usccCheckChar } from '../kernel/validate/uscc.ts';

/** A valid USCC: 登记管理部门 + 类别, the region, a 9-character organisation code and both check characters. */
function syntheticUscc(prefix: string, regionCode: string, orgBody: string): string {
  const first17 = `${prefix}${regionCode.slice(0, 6)}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * A synthetic but valid 统一社会信用代码 for a government body (登记管理部门 1 机关, 类别 1):
 * region + an organisation code made from the region and a sequence, each with its check char.
 */
export const demoUscc = (regionCode: string, sequence: number) =>
  syntheticUscc('11', regionCode, `${regionCode.slice(2, 6)}${String(sequence).padStart(4, '0')}`);

/** A synthetic 统一社会信用代码 of a company (登记管理部门 9 工商, 类别 1 企业). */
export const demoEnterpriseUscc = (regionCode: string, sequence: number) =>
  syntheticUscc('91', regionCode, `MA${regionCode.slice(2, 4)}${String(sequence).padStart(4, '0')}`);
