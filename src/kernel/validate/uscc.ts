import { PROVINCE_CODES } from './provinces.ts';

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-symbol alphabet (no I O Z S V),
 *   1      登记管理部门码   2  机构类别码   3–8  登记管理机关行政区划码
 *   9–17   主体标识码 = 组织机构代码 (GB 11714: 8 body characters + check character)
 *   18     check character, ISO 7064 MOD 31-3 style (GB/T 17710) over positions 1–17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Registration authority → institution types it may issue (GB 32100 table plus later extensions A and N). */
const AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办管理的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律所, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他: not subdivided
};

// Weights 3^(i-1) mod 31 for positions 1–17.
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccReason = 'LENGTH' | 'CHARSET' | 'AUTHORITY' | 'REGION' | 'ORG_CODE_CHECK' | 'CHECK_CHAR';
export type UsccResult = { ok: true } | { ok: false; reason: UsccReason };

/** The 18th character for the first 17 (demo data generation, and the check itself). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`usccCheckChar: '${first17[i]}' is not in the USCC alphabet`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 organisation-code check character for its 8 body characters (0–9, A–Z). */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new Error('orgCodeCheckChar needs 8 characters 0-9 / A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Expects the canonical upper-case form; callers normalise user input before storing it. */
export function validateUscc(code: string): UsccResult {
  if (code.length !== 18) return { ok: false, reason: 'LENGTH' };
  for (const ch of code) if (!ALPHABET.includes(ch)) return { ok: false, reason: 'CHARSET' };
  if (!AUTHORITY_TYPES[code[0]!]?.includes(code[1]!)) return { ok: false, reason: 'AUTHORITY' };
  const region = code.slice(2, 8);
  // Central-level registrations use 100000 (e.g. 11100000000013338W).
  if (!/^\d{6}$/.test(region) || !(region === '100000' || PROVINCE_CODES.has(region.slice(0, 2)))) {
    return { ok: false, reason: 'REGION' };
  }
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return { ok: false, reason: 'ORG_CODE_CHECK' };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'CHECK_CHAR' };
  return { ok: true };
}

/** The 登记管理机关行政区划码 of a USCC (positions 3–8) as a 12-digit region code. */
export const usccRegionCode = (uscc: string) => uscc.slice(2, 8).padEnd(12, '0');

/**
 * The 统一社会信用代码 a registration authority gives a new subject: its authority and institution
 * type (9 + 1 企业, 2 个体工商户, 3 农民专业合作社 for 市场监管), the 6-digit region of the
 * registering authority, a 主体标识码 whose 8 body characters are drawn from `seed` (e.g. a hash
 * of the registration, so that registering it again gives the same code), and both check characters.
 */
export function assignUscc(authority: string, institutionType: string, region6: string, seed: Uint8Array): string {
  if (!AUTHORITY_TYPES[authority]?.includes(institutionType)) throw new Error(`assignUscc: ${authority}${institutionType} is not an authority and institution type`);
  if (!/^\d{6}$/.test(region6)) throw new Error('assignUscc needs a 6-digit region');
  if (seed.length < 8) throw new Error('assignUscc needs at least 8 bytes of seed');
  const body = Array.from(seed.subarray(0, 8), (b) => ALPHABET[b % ALPHABET.length]).join('');
  const first17 = `${authority}${institutionType}${region6}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
