import type { ItemContent } from '../../catalog/index.ts';
import type { PopulationFacts } from '../../identity/index.ts';
import type { InstantResult } from '../model.ts';

type InstantRule = NonNullable<ItemContent['instantRules']>[number];

/** What 秒批 rules may look at besides the form: facts about the applicant, never raw personal data. */
export interface ApplicantFacts {
  kind: 'person' | 'enterprise';
  /** Whole years on `day`, from the birth date the population base records. */
  age?: number;
  /**
   * 户籍地: the 行政区划 code of the household registration the population base records. The
   * name is the rules' (`applicant.idRegion`); it no longer comes from the ID number's prefix,
   * which tells where the number was issued, not where the person is registered now.
   */
  idRegion?: string;
}

/** Whole years from `birthDate` to `day` (both YYYY-MM-DD), the birthday itself included. */
export function ageOn(birthDate: string, day: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/**
 * The applicant's facts from the population base (through identity). A person the base does not
 * confirm, or a fact it does not hold, is simply missing: the rule on it fails, nothing is
 * guessed from the ID number in the applicant's favour.
 */
export function applicantFacts(kind: 'person' | 'enterprise', population: PopulationFacts | undefined, day: string): ApplicantFacts {
  if (kind !== 'person' || !population) return { kind };
  return {
    kind,
    ...(population.birthDate ? { age: ageOn(population.birthDate, day) } : {}),
    ...(population.householdRegionCode ? { idRegion: population.householdRegionCode } : {}),
  };
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

function holds(rule: InstantRule, actual: unknown): boolean {
  if (actual === undefined || actual === null || actual === '') return false;
  const want = rule.value;
  switch (rule.op) {
    case 'eq':
      return String(actual) === String(want);
    case 'ne':
      return String(actual) !== String(want);
    case 'in':
      return Array.isArray(want) && want.includes(String(actual));
    case 'prefix':
      return (Array.isArray(want) ? want : [String(want)]).some((p) => String(actual).startsWith(p));
    default: {
      const a = num(actual);
      const b = num(want);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return rule.op === 'gt' ? a > b : rule.op === 'gte' ? a >= b : rule.op === 'lt' ? a < b : a <= b;
    }
  }
}

/**
 * 秒批: every rule of the item is checked against the form and the applicant's facts. A missing
 * fact fails its rule (the platform never guesses in the applicant's favour); the result lists
 * each rule with the value it saw so the applicant and the department see why.
 */
export function evaluateInstantRules(rules: readonly InstantRule[], form: Record<string, unknown>, facts: ApplicantFacts): InstantResult {
  const checked = rules.map((r) => {
    const [source, name] = r.fact.split('.') as ['form' | 'applicant', string];
    const actual = source === 'form' ? form[name] : (facts as unknown as Record<string, unknown>)[name];
    return { label: r.label, fact: r.fact, actual: actual ?? null, passed: holds(r, actual) };
  });
  return { approved: checked.length > 0 && checked.every((r) => r.passed), rules: checked };
}
