// 特别程序 of 行政许可法 art. 45 and common practice: the catalogue puts them in an item's
// workflow and cases run them (pausing the time limit where the law leaves their time out).
export const SPECIAL_PROCEDURES = ['on_site', 'expert_review', 'publicity', 'hearing', 'inspection', 'other'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];
