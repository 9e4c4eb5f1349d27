import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { departmentRefsById } from '../org/index.ts';
import { OPEN_LICENCE } from './open-data.ts';
import { classNameOf, type ResourceRow } from './store.ts';
import type { OpenType, UpdateCycle } from './vocab.ts';

// The published catalogue as DCAT-AP 3.0 (SEMIC): one dcat:Catalog of the city's data bureau,
// one dcat:Dataset per published resource, its provider a foaf:Agent, its 开放属性 as the EU
// access-rights authority table and its 更新周期 as the EU frequency table. Written as RDF
// triples, then as Turtle or JSON-LD; test/integration/data-dcat.test.ts checks both against the
// DCAT-AP 3.0.1 SHACL shapes.

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
const EU = 'http://publications.europa.eu/resource/authority/';

/** 开放属性 → EU access rights: 无条件开放 PUBLIC, 有条件开放 RESTRICTED, 不予开放 NON_PUBLIC. */
const ACCESS_RIGHTS: Record<OpenType, string> = { open: 'PUBLIC', conditional: 'RESTRICTED', closed: 'NON_PUBLIC' };
/** 更新周期 → EU frequency. */
const FREQUENCY: Record<UpdateCycle, string> = {
  realtime: 'CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
};

type Term = { iri: string } | { value: string; lang?: string; datatype?: string };
export type Triple = [subject: string, predicate: string, object: Term];

const iri = (value: string): Term => ({ iri: value });
const zh = (value: string): Term => ({ value, lang: 'zh' });
const dateTime = (d: Date): Term => ({ value: d.toISOString(), datatype: `${NS.xsd}dateTime` });
const plain = (value: string): Term => ({ value });

/**
 * The catalogue's triples. Anonymous callers get the open part (无条件 and 有条件开放): the
 * city's open-data catalogue; staff the whole published 目录, closed resources included.
 */
export async function catalogueTriples(ctx: AppContext, actor: Actor, base: string): Promise<Triple[]> {
  const staff = actor.kind === 'staff';
  const rows = await ctx.db.query<ResourceRow>(
    `select * from data_resource where status = 'published' ${staff ? '' : `and open_type <> 'closed'`} order by code`,
  );
  const providers = await departmentRefsById(ctx.db, rows.map((r) => r.provider_department_id));
  const catalog = `${base}/api/data/catalog#catalog`;
  const bureau = `${base}/api/data/catalog#publisher`;
  const agent = (id: string) => `${base}/api/org/departments/${id}`;
  const t: Triple[] = [
    [catalog, `${NS.rdf}type`, iri(`${NS.dcat}Catalog`)],
    [catalog, `${NS.dct}title`, zh('政务信息资源目录')],
    [catalog, `${NS.dct}description`, zh(staff ? '本市各部门政务信息资源的共享和开放目录。' : '本市政务数据开放目录：无条件开放和有条件开放的信息资源。')],
    [catalog, `${NS.dct}publisher`, iri(bureau)],
    [bureau, `${NS.rdf}type`, iri(`${NS.foaf}Agent`)],
    [bureau, `${NS.foaf}name`, zh('政务服务和数据管理局')],
  ];
  const agents = new Set<string>();
  for (const r of rows) {
    const dataset = `${base}/api/data/resources/${r.id}`;
    const provider = providers.get(r.provider_department_id);
    t.push(
      [catalog, `${NS.dcat}dataset`, iri(dataset)],
      [dataset, `${NS.rdf}type`, iri(`${NS.dcat}Dataset`)],
      [dataset, `${NS.dct}identifier`, plain(r.code)],
      [dataset, `${NS.dct}title`, zh(r.name)],
      [dataset, `${NS.dct}description`, zh(r.summary)],
      [dataset, `${NS.dct}publisher`, iri(agent(r.provider_department_id))],
      [dataset, `${NS.dct}accessRights`, iri(`${EU}access-right/${ACCESS_RIGHTS[r.open_type]}`)],
      [dataset, `${NS.dct}accrualPeriodicity`, iri(`${EU}frequency/${FREQUENCY[r.update_cycle]}`)],
      [dataset, `${NS.dcat}keyword`, zh(classNameOf(r.class_code))],
      [dataset, `${NS.dct}modified`, dateTime(new Date(r.updated_at))],
    );
    if (r.published_at) t.push([dataset, `${NS.dct}issued`, dateTime(new Date(r.published_at))]);
    if (r.open_type === 'open') t.push(...distributions(dataset, base, r.code));
    if (!agents.has(r.provider_department_id)) {
      agents.add(r.provider_department_id);
      t.push([agent(r.provider_department_id), `${NS.rdf}type`, iri(`${NS.foaf}Agent`)], [agent(r.provider_department_id), `${NS.foaf}name`, zh(provider?.name ?? '')]);
      if (provider?.uscc) t.push([agent(r.provider_department_id), `${NS.dct}identifier`, plain(provider.uscc)]);
    }
  }
  // the authority-table concepts are typed as the DCAT-AP ranges ask
  const RANGES: Record<string, string> = {
    [`${NS.dct}accessRights`]: `${NS.dct}RightsStatement`,
    [`${NS.dct}accrualPeriodicity`]: `${NS.dct}Frequency`,
    [`${NS.dct}format`]: `${NS.dct}MediaTypeOrExtent`,
    [`${NS.dcat}mediaType`]: `${NS.dct}MediaType`,
    [`${NS.dct}license`]: `${NS.dct}LicenseDocument`,
  };
  for (const [, p, o] of [...t]) if ('iri' in o && RANGES[p]) t.push([o.iri, `${NS.rdf}type`, iri(RANGES[p])]);
  return dedupe(t);
}

/** The downloads of an 无条件开放 dataset (数据开放): one dcat:Distribution per format, under the open-data licence. */
const FILE_TYPES = [
  ['csv', 'CSV', 'text/csv'],
  ['json', 'JSON', 'application/json'],
  ['xlsx', 'XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
] as const;
function distributions(dataset: string, base: string, code: string): Triple[] {
  const page = `${base}/api/open/dataset?code=${encodeURIComponent(code)}`;
  return FILE_TYPES.flatMap(([format, euType, media]): Triple[] => {
    const d = `${dataset}#${format}`;
    return [
      [dataset, `${NS.dcat}distribution`, iri(d)],
      [d, `${NS.rdf}type`, iri(`${NS.dcat}Distribution`)],
      [d, `${NS.dcat}accessURL`, iri(page)],
      [d, `${NS.dcat}downloadURL`, iri(`${base}/api/open/download?code=${encodeURIComponent(code)}&format=${format}`)],
      [d, `${NS.dct}format`, iri(`${EU}file-type/${euType}`)],
      [d, `${NS.dcat}mediaType`, iri(`https://www.iana.org/assignments/media-types/${media}`)],
      [d, `${NS.dct}license`, iri(OPEN_LICENCE.url)],
    ];
  });
}

const key = ([s, p, o]: Triple) => `${s} ${p} ${JSON.stringify(o)}`;
const dedupe = (t: Triple[]) => [...new Map(t.map((x) => [key(x), x])).values()];

const PREFIXES = Object.entries(NS);
const compact = (value: string) => {
  for (const [prefix, ns] of PREFIXES) if (value.startsWith(ns) && /^[A-Za-z][\w-]*$/.test(value.slice(ns.length))) return `${prefix}:${value.slice(ns.length)}`;
  return undefined;
};

/** Turtle escapes for a string literal (RDF 1.1 Turtle, ECHAR). */
const quoted = (s: string) => `"${s.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}"`;
/** An IRI in angle brackets, the characters Turtle's IRIREF forbids as \u escapes (UCHAR). */
const iriEscaped = (value: string) =>
  [...value].map((c) => (c.charCodeAt(0) <= 0x20 || '<>"{}|^`\\'.includes(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
const iriRef = (value: string) => compact(value) ?? `<${iriEscaped(value)}>`;

function termTurtle(o: Term): string {
  if ('iri' in o) return iriRef(o.iri);
  if (o.lang) return `${quoted(o.value)}@${o.lang}`;
  if (o.datatype) return `${quoted(o.value)}^^${iriRef(o.datatype)}`;
  return quoted(o.value);
}

/** Turtle, subject by subject. */
export function toTurtle(triples: Triple[]): string {
  const lines = PREFIXES.map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  const bySubject = new Map<string, Triple[]>();
  for (const t of triples) bySubject.set(t[0], [...(bySubject.get(t[0]) ?? []), t]);
  for (const [subject, ts] of bySubject) {
    lines.push('', `${iriRef(subject)}`);
    ts.forEach(([, p, o], i) => lines.push(`    ${p === `${NS.rdf}type` ? 'a' : iriRef(p)} ${termTurtle(o)} ${i === ts.length - 1 ? '.' : ';'}`));
  }
  return `${lines.join('\n')}\n`;
}

/** JSON-LD 1.1: one node object per subject in @graph, the prefixes in @context. */
export function toJsonLd(triples: Triple[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const [s, p, o] of triples) {
    const node = nodes.get(s) ?? { '@id': s };
    nodes.set(s, node);
    if (p === `${NS.rdf}type` && 'iri' in o) {
      node['@type'] = [...((node['@type'] as string[]) ?? []), compact(o.iri) ?? o.iri];
      continue;
    }
    const value = 'iri' in o ? { '@id': o.iri } : o.lang ? { '@value': o.value, '@language': o.lang } : o.datatype ? { '@value': o.value, '@type': o.datatype } : { '@value': o.value };
    const k = compact(p) ?? p;
    node[k] = [...((node[k] as unknown[]) ?? []), value];
  }
  return { '@context': Object.fromEntries(PREFIXES), '@graph': [...nodes.values()] };
}
