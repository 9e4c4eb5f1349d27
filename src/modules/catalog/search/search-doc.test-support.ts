import type { SearchDoc } from './engine.ts';

let n = 0;

/**
 * A search document for unit tests: an ordinary item of 云浮市公安局 with a unique id and code,
 * `extra` overriding any field.
 */
export const searchDoc = (name: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  id: `d${++n}`,
  kind: 'item',
  code: `C${n}`,
  basicCode: `B${n}`,
  name,
  aliases: [],
  keywords: [],
  conditions: [],
  faqs: [],
  materials: [],
  departmentId: 'gaj',
  departmentName: '云浮市公安局',
  regionCode: '445300000000',
  typeCode: '07',
  themes: { person: [], entity: [] },
  objects: ['natural_person'],
  popularity: 10,
  ...extra,
});
