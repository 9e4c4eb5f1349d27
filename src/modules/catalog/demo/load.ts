import { systemActor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { Db, Tx } from '../../../kernel/db/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { departmentRefsByCode, getRegion } from '../../org/index.ts';
import { parseHandleItemCode } from '../codes.ts';
import type { ItemContent } from '../content.ts';
import { bumpSearchGeneration, ruleContext } from '../items.ts';
import { checkQuality } from '../rules.ts';
import { DEFAULT_SYNONYMS } from '../synonym-defaults.ts';
import { contentErrors, contentHash } from '../validate-content.ts';
import { DEMO_CATALOG } from './content/index.ts';
import type { DemoBaseField, DemoBundle, DemoFormField, DemoItem, DemoLicenseType } from './types.ts';
import * as clock from '../../../kernel/clock.ts';

/**
 * Maps the demo catalogue (types.ts, written as data by content/*.ts) into the catalogue's
 * tables: reference lists, items with one version each, bundles and synonyms. Items that pass
 * every quality rule are published (as the data bureau would); the others stay drafts with
 * their issues, so the demo also shows the editor's work list.
 */
export interface DemoCatalog {
  items: DemoItem[];
  bundles?: DemoBundle[];
  licenseTypes?: DemoLicenseType[];
  baseFields?: DemoBaseField[];
}

export interface LoadSummary {
  items: number;
  published: number;
  drafts: { code: string; name: string; rules: string[] }[];
  skipped: { key: string; reason: string }[];
  bundles: number;
}

const PROPERTY_TYPES: Record<DemoFormField['type'], Record<string, unknown>> = {
  text: { type: 'string' },
  textarea: { type: 'string' },
  number: { type: 'number' },
  money: { type: 'integer', minimum: 0 },
  date: { type: 'string', format: 'date' },
  select: { type: 'string' },
  radio: { type: 'string' },
  checkbox: { type: 'array', items: { type: 'string' } },
  id_number: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' },
  phone: { type: 'string', pattern: '^1[0-9]{10}$' },
  uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
  region: { type: 'string', pattern: '^[0-9]{12}$' },
  address: { type: 'string' },
  email: { type: 'string', format: 'email' },
  file: { type: 'string' },
};

/** The form as JSON Schema + layout hints + prefill sources. */
export function formOf(fields: DemoFormField[]): ItemContent['form'] {
  const properties: Record<string, Record<string, unknown>> = {};
  const hints: NonNullable<NonNullable<ItemContent['form']>['fields']> = {};
  const required: string[] = [];
  fields.forEach((f, i) => {
    const p: Record<string, unknown> = { ...PROPERTY_TYPES[f.type], title: f.label };
    if (f.options?.length) {
      if (f.type === 'checkbox') p.items = { type: 'string', enum: f.options };
      else p.enum = f.options;
    }
    if (f.maxLength) p.maxLength = f.maxLength;
    if (f.pattern) p.pattern = f.pattern;
    if (f.help) p.description = f.help;
    properties[f.key] = p;
    if (f.required) required.push(f.key);
    const prefill = f.prefill
      ? f.prefill.source === 'identity'
        ? { source: 'identity' as const, claim: f.prefill.claim }
        : f.prefill.source === 'base'
          ? { source: 'base_library' as const, field: f.prefill.field }
          : { source: 'license' as const, licenseTypeCode: f.prefill.licenseType, licenseField: f.prefill.field }
      : undefined;
    hints[f.key] = {
      widget: f.type,
      order: i + 1,
      ...(f.group ? { group: f.group } : {}),
      ...(prefill ? { prefill } : {}),
      ...(f.type === 'textarea' || f.type === 'address' ? { span: 24 } : {}),
    };
  });
  return { schema: { type: 'object', properties, required }, fields: hints };
}

const limit = (days: number, note?: string) => ({ immediate: days === 0, days, ...(note ? { note } : {}) });
const defined = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function contentOf(d: DemoItem, hallName: string): ItemContent {
  return defined({
    name: d.name,
    aliases: d.aliases,
    keywords: d.keywords,
    typeCode: d.type,
    legalBasis: d.legalBasis.map((b) =>
      defined({ law: b.law, kind: b.kind ?? 'setting', article: b.article || undefined, text: b.text || undefined, issuer: b.issuer, docNo: b.docNumber }),
    ),
    level: d.level,
    subjectNature: d.subjectNature,
    serviceObjects: d.serviceObjects,
    conditions: d.conditions,
    refusals: d.refusals,
    jointDepartments: d.jointDepartments,
    materials: d.materials.map((m, i) =>
      defined({
        key: `m${i + 1}`,
        name: m.name,
        necessity: m.necessity,
        kind: m.kind,
        form: m.form,
        count: m.count,
        paperSpec: m.paperSpec,
        source: m.source,
        sourceNote: m.sourceNote,
        replacedByBaseField: m.replacedByBaseField,
        replacedByLicenseType: m.replacedByLicenseType,
        blankFormFile: m.blankForm ? `${m.name}（空白表格）.pdf` : undefined,
        sampleFile: m.sample ? `${m.name}（示例样表）.pdf` : undefined,
        requirement: m.requirement,
        basis: m.basis,
        notes: m.note,
      }),
    ),
    fees: d.fees.length
      ? {
          charged: true,
          items: d.fees.map((f) =>
            defined({ name: f.name, amountFen: f.amountFen, standard: f.rule, basis: f.basis, reducible: f.reducible, reductionBasis: f.reductionBasis }),
          ),
          onlinePayment: d.onlinePayment,
        }
      : { charged: false },
    statutoryLimit: limit(d.statutoryLimit, d.statutoryLimitNote),
    promisedLimit: limit(d.promisedLimit, d.promisedLimitNote),
    caseType: d.caseType,
    channels: d.channels,
    onlineDepth: { national: [...d.onlineDepthNational].sort((a, b) => a - b), level: d.onlineDepthLevel },
    visits: d.visits,
    visitReason: d.visitReason,
    halls: [defined({ name: d.location ?? hallName, hours: d.hours })],
    appointment: { supported: d.appointment },
    mail: { materials: d.mailMaterials, results: d.mailResult },
    flags: defined({ ...d.flags }),
    result: defined({ type: d.resultType, name: d.resultName, licenseTypeCode: d.resultLicenseType, licenseOperation: d.resultLicenseOperation, delivery: d.delivery }),
    intermediaries: d.intermediaries?.map((x) => ({ name: x.name, content: x.content })),
    quantityLimit: d.quantityLimit,
    faqs: d.faqs.map((f) => ({ q: f.question, a: f.answer })),
    themes: { person: d.personThemes, entity: d.entityThemes },
    process: { steps: d.process.map((name) => ({ name })) },
    specialProcedures: d.specialProcedures?.map((s) => defined({ name: s.name, countedInLimit: s.counted, note: s.limit })),
    contact: { consultPhone: d.consultPhone, complaintPhone: d.complaintPhone },
    hours: d.hours ?? '周一至周五 9:00-12:00 14:30-17:30（法定节假日除外）',
    form: d.form.length ? formOf(d.form) : undefined,
    rights: d.rights,
    obligations: d.obligations,
    workflow: d.workflow,
    instantRules: d.instantRules,
    commitmentCheckDays: d.commitmentCheckDays,
  }) as ItemContent;
}

async function insertReference(tx: Tx, catalog: DemoCatalog) {
  for (const l of catalog.licenseTypes ?? []) {
    await tx.query(
      `insert into catalog_license_type (code, name, holder, department_code, fields) values ($1, $2, $3, $4, $5::jsonb)
       on conflict (code) do update set name = excluded.name, holder = excluded.holder, department_code = excluded.department_code, fields = excluded.fields`,
      [l.code, l.name, l.holder, l.department, JSON.stringify(l.fields)],
    );
  }
  for (const f of catalog.baseFields ?? []) {
    await tx.query(
      `insert into catalog_base_field (key, label, library, provider) values ($1, $2, $3, $4)
       on conflict (key) do update set label = excluded.label, library = excluded.library, provider = excluded.provider`,
      [f.key, f.label, f.library, f.provider],
    );
  }
}

/** Load a demo (or generated) catalogue into an empty catalogue of a seeded city. */
export async function loadDemoCatalog(db: Db, cityCode: string, catalog: DemoCatalog, options: { synonyms?: boolean } = {}): Promise<LoadSummary> {
  const summary: LoadSummary = { items: 0, published: 0, drafts: [], skipped: [], bundles: 0 };
  await db.transaction(async (tx) => {
    await insertReference(tx, catalog);
    const ctx = await ruleContext(tx);
    const deptCodes = new Set<string>();
    for (const d of catalog.items) deptCodes.add(`${d.regionCode.slice(0, 6)}-${d.department}`);
    for (const b of catalog.bundles ?? []) deptCodes.add(`${b.regionCode.slice(0, 6)}-${b.leadDepartment}`);
    const depts = await departmentRefsByCode(tx, [...deptCodes]);
    const hallNames = new Map<string, string>();
    const hallOf = async (regionCode: string) => {
      if (!hallNames.has(regionCode)) {
        const region = await getRegion(tx, regionCode).catch(() => undefined);
        hallNames.set(regionCode, `${region?.name ?? ''}政务服务中心`);
      }
      return hallNames.get(regionCode)!;
    };
    const idByKey = new Map<string, string>();
    const itemRows: unknown[][] = [];
    const versionRows: unknown[][] = [];
    const now = clock.now().toISOString();
    for (const d of catalog.items) {
      const dept = depts.get(`${d.regionCode.slice(0, 6)}-${d.department}`);
      const parsed = parseHandleItemCode(d.handleItemCode);
      if (!dept) {
        summary.skipped.push({ key: d.key, reason: `department ${d.department} not in ${d.regionCode}` });
        continue;
      }
      if (!parsed.ok) {
        summary.skipped.push({ key: d.key, reason: parsed.reason });
        continue;
      }
      const content = contentOf(d, await hallOf(d.regionCode));
      const errors = contentErrors(content);
      if (errors.length) {
        summary.skipped.push({ key: d.key, reason: `${errors[0]!.field}: ${errors[0]!.reason}` });
        continue;
      }
      const quality = checkQuality(content, ctx);
      const id = uuidv7();
      const versionId = uuidv7();
      const impl = parsed.value.implementation;
      idByKey.set(d.key, id);
      const published = quality.ok;
      if (published) summary.published++;
      else summary.drafts.push({ code: d.handleItemCode, name: d.name, rules: quality.errors.map((e) => `${e.rule}@${e.field}`) });
      summary.items++;
      itemRows.push([
        id, parsed.value.code, impl.code, impl.basic.code, impl.basic.source, impl.basic.typeLetter, impl.basic.main, impl.basic.child,
        impl.regionCode, impl.uscc, parsed.value.situation, parsed.value.sequence, dept.regionCode, dept.id,
        published ? 'published' : 'draft', published ? versionId : null, d.popularity ?? 0,
      ]);
      versionRows.push([
        versionId, id, 1, published ? 'published' : 'draft', JSON.stringify(content), contentHash(content), content.name, content.typeCode ?? null,
        content.level ?? null, dept.regionCode, dept.id, JSON.stringify(quality), quality.ok, 'seed', published ? now : null,
      ]);
    }
    await insertBatches(
      tx,
      `insert into catalog_item (id, code, implementation_code, basic_code, basic_source, basic_type_letter, basic_main, basic_child,
         impl_region_code, impl_uscc, situation, sequence, region_code, department_id, status, published_version_id, popularity) values `,
      itemRows,
      ' on conflict (code) do nothing',
    );
    await insertBatches(
      tx,
      `insert into catalog_item_version (id, item_id, version_no, status, content, content_hash, name, type_code, level, region_code,
         department_id, quality, quality_ok, created_by, published_at) values `,
      versionRows,
      '',
      { 5: 'jsonb', 12: 'jsonb', 15: 'timestamptz' },
    );
    for (const b of catalog.bundles ?? []) {
      const lead = depts.get(`${b.regionCode.slice(0, 6)}-${b.leadDepartment}`);
      const members = b.items.map((m) => ({ ...m, id: idByKey.get(m.itemKey) }));
      if (members.some((m) => !m.id)) {
        summary.skipped.push({ key: b.code, reason: `bundle member missing: ${members.filter((m) => !m.id).map((m) => m.itemKey).join(', ')}` });
        continue;
      }
      const id = uuidv7();
      await tx.query(
        `insert into catalog_bundle (id, code, name, region_code, lead_department_id, audience, status, content, published_at)
         values ($1, $2, $3, $4, $5, $6, 'published', $7::jsonb, clock_now())`,
        [
          id,
          b.code,
          b.name,
          b.regionCode,
          lead?.id ?? null,
          b.audience,
          JSON.stringify(
            defined({
              aliases: b.aliases ?? [],
              audience: b.audience,
              theme: b.personTheme ?? b.entityTheme,
              guide: b.guide,
              promisedLimit: b.promisedLimit,
              visits: b.visits,
            }),
          ),
        ],
      );
      for (const [position, m] of members.entries()) {
        await tx.query(
          `insert into catalog_bundle_member (bundle_id, position, item_id, step, optional, condition) values ($1, $2, $3, $4, $5, $6)`,
          [id, position, m.id, m.step, m.optional, m.condition ?? ''],
        );
      }
      summary.bundles++;
    }
    if (options.synonyms ?? true) {
      for (const words of DEFAULT_SYNONYMS) {
        await tx.query('insert into catalog_synonym (id, words, region_code) values ($1, $2, $3)', [uuidv7(), words, cityCode]);
      }
    }
    await bumpSearchGeneration(tx);
    await appendAudit(tx, systemActor('seed'), {
      action: 'catalog.demo.load',
      objectType: 'catalog',
      objectId: cityCode,
      regionCode: cityCode,
      details: { items: summary.items, published: summary.published, bundles: summary.bundles, skipped: summary.skipped.length },
    });
  });
  return summary;
}

/** Multi-row inserts in batches (a 5,000-item catalogue loads in seconds on PGlite). */
async function insertBatches(tx: Tx, head: string, rows: unknown[][], tail: string, casts: Record<number, string> = {}, size = 200) {
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const params: unknown[] = [];
    const values = batch.map((row) => {
      const slots = row.map((v, i) => {
        params.push(v);
        const cast = casts[i + 1];
        return cast ? `$${params.length}::${cast}` : `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await tx.query(head + values.join(', ') + tail, params);
  }
}

/**
 * Called by the demo-city seed: loads the 云浮 demo catalogue (content/) when the city being set
 * up is the one the content was written for; other cities start with an empty catalogue and the
 * default synonyms.
 */
export async function seedDemoCatalog(db: Db, cityCode: string): Promise<LoadSummary | undefined> {
  if (DEMO_CATALOG.cityCode !== cityCode) {
    await db.transaction(async (tx) => {
      for (const words of DEFAULT_SYNONYMS) await tx.query('insert into catalog_synonym (id, words, region_code) values ($1, $2, $3)', [uuidv7(), words, cityCode]);
    });
    return undefined;
  }
  return loadDemoCatalog(db, cityCode, DEMO_CATALOG);
}
