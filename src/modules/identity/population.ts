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
 * number, and what does the base record about that person? The data platform's population library
 * (data module, 基础库) feeds the table this reads on every load (`addPopulationRecords`).
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

/**
 * Records the population base's facts, replacing what was recorded for the same ID number: the
 * data platform's population library feeds this on every load (data module), the seed too.
 */
export async function addPopulationRecords(db: Queryable, pii: PersonalData, records: PopulationRecordInput[]): Promise<void> {
  if (!records.length) return;
  await db.query(
    `insert into population_record (id_number_index, name, region_code, birth_date, household_region_code, deceased)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::boolean[])
     on conflict (id_number_index) do update set name = excluded.name, region_code = excluded.region_code, birth_date = excluded.birth_date,
       household_region_code = excluded.household_region_code, deceased = excluded.deceased`,
    [
      records.map((r) => pii.index(r.idNumber.toUpperCase())),
      records.map((r) => r.name),
      records.map((r) => r.regionCode ?? null),
      records.map((r) => r.birthDate ?? null),
      records.map((r) => r.householdRegionCode ?? r.regionCode ?? null),
      records.map((r) => r.deceased ?? false),
    ],
  );
}
