import type { Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';

export type PopulationCheck = 'match' | 'name_mismatch' | 'not_found' | 'deceased';

/**
 * The population base data (人口基础库) as identity needs it: does this name belong to this ID
 * number? The data module will own the base library; it will provide this interface, and
 * identity will not change. Until then a table of synthetic records stands in.
 */
export interface PopulationBase {
  check(name: string, idNumber: string): Promise<PopulationCheck>;
}

export function tablePopulationBase(db: Queryable, pii: PersonalData): PopulationBase {
  return {
    async check(name, idNumber) {
      const row = await db.one<{ name: string; deceased: boolean }>('select name, deceased from population_record where id_number_index = $1', [pii.index(idNumber)]);
      if (!row) return 'not_found';
      if (row.deceased) return 'deceased';
      return row.name === name.trim() ? 'match' : 'name_mismatch';
    },
  };
}

export async function addPopulationRecords(db: Queryable, pii: PersonalData, records: { name: string; idNumber: string; regionCode?: string }[]): Promise<void> {
  for (const r of records) {
    await db.query(
      'insert into population_record (id_number_index, name, region_code) values ($1, $2, $3) on conflict (id_number_index) do nothing',
      [pii.index(r.idNumber), r.name, r.regionCode ?? null],
    );
  }
}
