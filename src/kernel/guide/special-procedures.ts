// 特别程序 of 行政许可法 art. 45 and common practice: the catalogue puts them in an item's
// workflow and cases run them (pausing the time limit where the law leaves their time out).
export const SPECIAL_PROCEDURES = ['on_site', 'expert_review', 'publicity', 'hearing', 'inspection', 'other'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

/** An entry of an item's 特别程序 list (content `specialProcedures`). */
export interface ListedProcedure {
  name: string;
  countedInLimit: boolean;
  /** Working days the procedure takes, when the item states it. */
  days?: number;
  note?: string;
}

/**
 * 行政许可法 art. 45: time for hearings, tendering, auctions, testing, inspection, quarantine,
 * appraisal and expert review is not counted in the limit; 公示 is treated the same in practice.
 * 现场勘查 is part of the review and is counted.
 */
const NOT_COUNTED: ReadonlySet<string> = new Set(['expert_review', 'publicity', 'hearing', 'inspection']);

/** The item's own entry for a procedure, found by any of the names it goes by. */
export const listedProcedure = (list: readonly ListedProcedure[] | undefined, names: readonly string[]) =>
  list?.find((p) => names.includes(p.name));

/**
 * Whether a procedure's time counts in the time limit: as the item's 特别程序 list says, else
 * as the law says for its kind. Cases pause the clock by it; the guide tells the applicant.
 */
export function countedInLimit(list: readonly ListedProcedure[] | undefined, procedure: string, names: readonly string[]): boolean {
  const listed = listedProcedure(list, names);
  return listed ? listed.countedInLimit : !NOT_COUNTED.has(procedure);
}
