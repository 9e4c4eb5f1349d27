import { readdirSync, readFileSync } from 'node:fs';
import type { BaseFieldEntry, BundleInput, ImportFile, LicenseTypeEntry } from '../modules/catalog/index.ts';

/**
 * The demo city's starting catalogue, kept as data in src/seed/catalog/ in the shapes the
 * catalogue's own services take: the item lists in the import template as JSON (one file per
 * department, docs/catalog-template.md), bundles, licence types, base-library fields and
 * synonyms; and the query set that measures search over it.
 */
const DIR = new URL('./catalog/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as T;

/** The city the demo catalogue describes (云浮市). */
export const DEMO_CATALOG_CITY = '445300000000';

/** The item lists, as files for the catalogue import. */
export function demoItemFiles(): ImportFile[] {
  const dir = new URL('items/', DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `items/${name}`, data: readFileSync(new URL(name, dir)) }));
}

/** A bundle as createBundle takes it, its lead department named by code (ids are the database's). */
export type DemoBundle = Omit<BundleInput, 'leadDepartmentId'> & { leadDepartment: string };

export const demoBundles = () => read<DemoBundle[]>('bundles.json');
export const demoLicenseTypes = () => read<LicenseTypeEntry[]>('license-types.json');
export const demoBaseFields = () => read<BaseFieldEntry[]>('base-fields.json');

/** The synonym groups every city starts with (the data bureau maintains them afterwards). */
export const startingSynonyms = () => read<string[][]>('synonyms.json');

/** What a citizen types, and the items (by code, best first) a good search returns for it. */
export interface DemoQuery {
  text: string;
  /** What makes the query hard. */
  kind: 'colloquial' | 'typo' | 'pinyin' | 'initials' | 'synonym' | 'exact' | 'mixed';
  expectedCodes: string[];
}

export const demoQueries = () => read<DemoQuery[]>('queries.json');

/**
 * A service the city's portal and hall are asked about most (issue #14: a catalogue that answers
 * what people ask): the name people use for it, and the demo items (by code) that serve it.
 */
export interface HighFrequencyService {
  name: string;
  codes: string[];
}

export const demoHighFrequencyServices = () => read<HighFrequencyService[]>('high-frequency.json');

/** The code of the demo licence type of this name (e.g. 营业执照), for code that names one. */
export function demoLicenseTypeCode(name: string): string {
  const type = demoLicenseTypes().find((l) => l.name === name);
  if (!type) throw new Error(`no demo licence type ${name}`);
  return type.code;
}
