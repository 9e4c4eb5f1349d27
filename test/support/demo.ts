// The parts of the demo city the case tests lean on, named once: changing the demo catalogue
// then means changing one file, not every test that applies for something.
import { demoLicenseTypeCode } from '../../src/seed/catalog-data.ts';

/** 云浮市 */
export const CITY = '445300000000';
/** 罗定市, a county-level city of 云浮 */
export const LUODING = '445381000000';

/** 食品安全违法行为举报奖励 (市场监督管理局): natural persons, 15 working days promised, materials m1–m3. */
export const REWARD = '000H2453000000-445300000000-000-11445300530000243C-1-00';
/** 营业执照遗失补领、换发 (市场监督管理局): 即办, persons and enterprises, materials m1–m2. */
export const IMMEDIATE = '000A2401006000-445300000000-000-11445300530000243C-1-00';

/** The password of the demo citizens 13800000001 (陈小云, agent of the demo enterprise) and 13800000002 (李浮生). */
export const CITIZEN_PASSWORD = 'Yiwang@2026citizen';

/** Licence types of the demo catalogue (src/seed/catalog/license-types.json) the tests name. */
export const LT = {
  BUSINESS_LICENCE: demoLicenseTypeCode('营业执照'),
  FOOD_BUSINESS_LICENCE: demoLicenseTypeCode('食品经营许可证'),
  SPECIAL_EQUIPMENT_REGISTRATION: demoLicenseTypeCode('特种设备使用登记证'),
};
