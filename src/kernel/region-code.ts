/**
 * 12-digit 行政区划 codes (GB/T 2260 extended to town and village): 2 province, 2 city,
 * 2 county, 3 town, 3 village. A region's subtree is every code that starts with its
 * significant prefix, which makes scope checks a string comparison and an index range scan.
 */
export const REGION_CODE_PATTERN = '^[0-9]{12}$';

const LEVEL_LENGTHS = [2, 4, 6, 9, 12] as const;

export function regionLevel(code: string): 1 | 2 | 3 | 4 | 5 {
  if (code.slice(2) === '0000000000') return 1;
  if (code.slice(4) === '00000000') return 2;
  if (code.slice(6) === '000000') return 3;
  if (code.slice(9) === '000') return 4;
  return 5;
}

export function regionPrefix(code: string): string {
  return code.slice(0, LEVEL_LENGTHS[regionLevel(code) - 1]);
}

/** Pad a short code from a division dataset ('4453', '445302001') to 12 digits. */
export const toRegionCode = (short: string): string => short.padEnd(12, '0');

export function isWithinRegion(code: string, scopeCode: string): boolean {
  return code.startsWith(regionPrefix(scopeCode));
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 1) return null;
  return toRegionCode(code.slice(0, LEVEL_LENGTHS[level - 2]));
}
