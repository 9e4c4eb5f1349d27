import { idNumberCheckChar } from '../kernel/validate/idcard.ts';

/** Synthetic citizens for the demo city; any resemblance to real people is accidental. */
export const DEMO_PEOPLE = [
  { name: '陈小云', birthDate: '19900315', phone: '13800000001', assuranceLevel: 2 as const },
  { name: '李浮生', birthDate: '19851102', phone: '13800000002', assuranceLevel: 3 as const },
  { name: '黄新兴', birthDate: '20000628', phone: '13800000003', assuranceLevel: 1 as const },
];

/** In the stand-in population base but without an account: register as one of them to reach level 2. */
export const DEMO_UNREGISTERED = [
  { name: '周晓明', birthDate: '19920708' },
  { name: '吴丽华', birthDate: '19780121' },
  { name: '郑国强', birthDate: '19650930' },
  { name: '林雨桐', birthDate: '20010214' },
  { name: '何志远', birthDate: '19880505' },
  // over 80: the 高龄津贴 秒批 passes for her once she registers (the other demo citizens are younger)
  { name: '梁秀英', birthDate: '19410612' },
];

/** YYYYMMDD → YYYY-MM-DD, as the population base records a birth date. */
export const isoDate = (birthDate: string) => `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6, 8)}`;

/** A well-formed 居民身份证号 in the county: region + birth date + sequence + check char. */
export function demoIdNumber(regionCode: string, birthDate: string, index: number): string {
  const first17 = `${regionCode.slice(0, 6)}${birthDate}${String(900 + index).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
