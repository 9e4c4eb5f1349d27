import type { Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';

export type PopulationCheck = 'match' | 'name_mismatch' | 'not_found' | 'deceased';

/** What the population base records about a person that other modules' rules may use (秒批). */
export interface PopulationFacts {
  /** YYYY-MM-DD; null when the base does not hold it. */
  birthDate: string | null;
  /** 户籍地: the 12-digit 行政区划 code of the household registration; null when unknown. */
  householdRegionCode: string | null;
}

/**
 * The population base data (人口基础库) as identity needs it: does this name belong to this ID
 * number, and what does the base record about that person? The data module will own the base
 * library; it will provide this interface, and identity will not change. Until then a table of
 * synthetic records stands in.
 */
export interface PopulationBase {
  check(name: string, idNumber: string): Promise<PopulationCheck>;
  /**
   * The facts of a living person whose name and ID number the base confirms together; undefined
   * otherwise (unknown, another name, deceased), so no caller builds on someone else's record.
   */
  facts(name: string, idNumber: string): Promise<PopulationFacts | undefined>;
}

type PopulationRow = {
  name: string;
  deceased: boolean;
  birth_date: string | null;
  household_region_code: string | null;
};

export function tablePopulationBase(db: Queryable, pii: PersonalData): PopulationBase {
  const lookup = (idNumber: string) =>
    db.one<PopulationRow>(
      `select name, deceased, to_char(birth_date, 'YYYY-MM-DD') as birth_date, household_region_code
         from population_record where id_number_index = $1`,
      [pii.index(idNumber.toUpperCase())],
    );
  const checked = (row: PopulationRow | undefined, name: string): PopulationCheck => {
    if (!row) return 'not_found';
    if (row.deceased) return 'deceased';
    return row.name === name.trim() ? 'match' : 'name_mismatch';
  };
  return {
    async check(name, idNumber) {
      return checked(await lookup(idNumber), name);
    },
    async facts(name, idNumber) {
      const row = await lookup(idNumber);
      if (checked(row, name) !== 'match') return undefined;
      return { birthDate: row!.birth_date, householdRegionCode: row!.household_region_code };
    },
  };
}

export interface PopulationRecordInput {
  name: string;
  idNumber: string;
  /** The region that keeps the record (shard key). */
  regionCode?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** 户籍地; the keeping region when not given. */
  householdRegionCode?: string;
  deceased?: boolean;
}

export async function addPopulationRecords(db: Queryable, pii: PersonalData, records: PopulationRecordInput[]): Promise<void> {
  for (const r of records) {
    await db.query(
      `insert into population_record (id_number_index, name, region_code, birth_date, household_region_code, deceased)
       values ($1, $2, $3, $4, $5, $6) on conflict (id_number_index) do nothing`,
      [pii.index(r.idNumber.toUpperCase()), r.name, r.regionCode ?? null, r.birthDate ?? null, r.householdRegionCode ?? r.regionCode ?? null, r.deceased ?? false],
    );
  }
}
