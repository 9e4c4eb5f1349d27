import type { Queryable } from './db/index.ts';

export async function getSetting<T>(db: Queryable, key: string): Promise<T | null> {
  const row = await db.one<{ value: T }>('select value from node_setting where key = $1', [key]);
  return row ? row.value : null;
}

export async function putSetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    `insert into node_setting (key, value) values ($1, $2)
     on conflict (key) do update set value = excluded.value, updated_at = clock_now()`,
    [key, JSON.stringify(value)],
  );
}

/** The city this node serves, written when the city is set up. */
export const CITY_SETTING = 'city';
export type CitySetting = { code: string; name: string };

/** The node's city as a 12-digit region code, or null before a city is set up. */
export async function nodeCityCode(db: Queryable): Promise<string | null> {
  const city = await getSetting<CitySetting>(db, CITY_SETTING);
  return city ? city.code.padEnd(12, '0') : null;
}
