export { idNumberCheckChar, maskIdNumber, maskPhone, validateIdNumber } from './idcard.ts';
export type { IdNumberReason, IdNumberResult } from './idcard.ts';
export { assignUscc, orgCodeCheckChar, usccCheckChar, validateUscc } from './uscc.ts';
export type { UsccReason, UsccResult } from './uscc.ts';
export { maskPassportNumber, PERSON_CODE_TYPES, validatePassportNumber } from './passport.ts';
export type { PassportReason, PassportResult, PersonCodeType } from './passport.ts';
