export { idNumberCheckChar, maskIdNumber, maskPhone, validateIdNumber } from './idcard.ts';
export type { IdNumberReason, IdNumberResult } from './idcard.ts';
export { assignUscc, orgCodeCheckChar, usccCheckChar, validateUscc } from './uscc.ts';
export type { UsccReason, UsccResult } from './uscc.ts';
