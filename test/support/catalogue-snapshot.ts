import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import type { Queryable } from '../../src/kernel/db/index.ts';

/**
 * What a city's catalogue is, as canonical JSON: items with every version's content, status and
 * quality, bundles with their members, licence types, base-library fields and synonyms. Rows
 * refer to each other by code; ids, timestamps, who took each workflow step and lock counters
 * are left out, so two loads of the same data through any path compare equal byte for byte.
 */
export async function catalogueSnapshot(q: Queryable): Promise<string> {
  const items = await q.query(
    `select i.code, i.implementation_code, i.basic_code, i.basic_source, i.basic_type_letter, i.basic_main, i.basic_child,
       i.impl_region_code, i.impl_uscc, i.situation, i.sequence, i.region_code, d.code as department, i.status, i.popularity, i.view_count,
       pv.version_no as published_version_no,
       (select json_agg(json_build_object('version_no', v.version_no, 'status', v.status, 'content', v.content, 'content_hash', v.content_hash,
          'name', v.name, 'type_code', v.type_code, 'level', v.level, 'region_code', v.region_code, 'department', vd.code,
          'quality', v.quality, 'quality_ok', v.quality_ok, 'lock_version', v.lock_version, 'review_comment', v.review_comment) order by v.version_no)
        from catalog_item_version v join department vd on vd.id = v.department_id where v.item_id = i.id) as versions
     from catalog_item i join department d on d.id = i.department_id left join catalog_item_version pv on pv.id = i.published_version_id
     order by i.code`,
  );
  const bundles = await q.query(
    `select b.code, b.name, b.region_code, ld.code as lead_department, b.audience, b.status, b.content,
       (select json_agg(json_build_object('position', m.position, 'item', i.code, 'bundle', cb.code, 'step', m.step, 'optional', m.optional, 'condition', m.condition) order by m.position)
        from catalog_bundle_member m left join catalog_item i on i.id = m.item_id left join catalog_bundle cb on cb.id = m.child_bundle_id where m.bundle_id = b.id) as members
     from catalog_bundle b left join department ld on ld.id = b.lead_department_id order by b.code`,
  );
  const licenseTypes = await q.query(`select code, name, holder, department_code, fields from catalog_license_type order by code`);
  const baseFields = await q.query(`select key, label, library, provider from catalog_base_field order by key`);
  const synonyms = (await q.query<{ words: string[]; region_code: string }>(`select words, region_code from catalog_synonym`))
    .map((r) => ({ ...r, words: [...r.words] }))
    .sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b)));
  return canonicalJson({ items, bundles, licenseTypes, baseFields, synonyms });
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
