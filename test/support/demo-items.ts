// Applying for any published demo item through the API: a value for each field of its form and
// the materials the applicant hands in. The demo sweep takes every item this way; the browser's
// visitor walk takes the items with their own workflows to the step it shows in the workbench.
import assert from 'node:assert/strict';
import * as clock from '../../src/kernel/clock.ts';
import type { ItemContent } from '../../src/modules/catalog/index.ts';
import { demoLicenseTypes } from '../../src/seed/catalog-data.ts';
import { uploadMaterial } from './files.ts';
import type { TestServer } from './server.ts';

/** Who fills the form: their ID number, and the enterprise's code when applying for it. */
export interface DemoApplicant {
  idNumber: string;
  uscc: string;
}

type Property = { type?: string; pattern?: string; enum?: unknown[]; format?: string; minimum?: number; minLength?: number };

/** A value the item's form schema takes for one field, from the applicant where the field is theirs. */
function valueFor(p: Property, who: DemoApplicant, forEnterprise: boolean): unknown {
  if (p.enum?.length) return p.enum[0];
  if (p.type === 'number' || p.type === 'integer') return Math.max(1, p.minimum ?? 1);
  if (p.format === 'date') return clock.today();
  if (p.pattern === '^[0-9]{17}[0-9X]$') return who.idNumber;
  if (p.pattern === '^1[0-9]{10}$') return '13800000002';
  if (p.pattern === '^[0-9A-HJ-NPQRTUWXY]{18}$') return forEnterprise ? who.uscc : '91445302MA5300025L';
  if (p.pattern === '^[0-9]{12}$') return '445302000000';
  if (p.pattern === '^(?=.*[0-9])[A-Z0-9]{5,17}$') return 'E12345678'; // a passport number
  assert.equal(p.pattern, undefined, `no value for the pattern ${p.pattern}`);
  return '演示填写内容'.padEnd(p.minLength ?? 0, '。');
}

/** The item's whole form, filled as `who` (for the enterprise or for themselves). */
export function demoForm(content: ItemContent, who: DemoApplicant, forEnterprise: boolean): Record<string, unknown> {
  const props = (content.form?.schema as { properties?: Record<string, Property> } | undefined)?.properties ?? {};
  return Object.fromEntries(Object.entries(props).map(([key, p]) => [key, valueFor(p, who, forEnterprise)]));
}

/** The materials the applicant hands in: every one asked for that the platform does not fetch itself. */
export const demoMaterialKeys = (content: ItemContent) =>
  (content.materials ?? []).flatMap((m, i) => (m.necessity !== 'optional' && m.source !== 'data_sharing' && !m.replacedByBaseField ? [m.key ?? `m${i + 1}`] : []));

const holderOf = new Map(demoLicenseTypes().map((t) => [t.code, t.holder]));

/** Who applies: whom the item serves, as the holder of its licence where it serves that holder. */
export function appliesAsEnterprise(content: ItemContent): boolean {
  const objects = content.serviceObjects ?? [];
  const servesPerson = objects.includes('natural_person');
  const servesEntity = objects.some((o) => o !== 'natural_person');
  // a 设立登记 registers its licence's holder: a person applies to set one up
  if (content.result?.registers && servesPerson) return false;
  const holder = content.result?.licenseTypeCode ? holderOf.get(content.result.licenseTypeCode) : undefined;
  if (holder === 'entity' && servesEntity) return true;
  if (holder === 'person' && servesPerson) return false;
  return !servesPerson;
}

/** Applies online as `cookie` with the form and every material handed in, the commitment signed where asked: the submitted case. */
export async function applyDemoItem(server: TestServer, cookie: string, code: string, content: ItemContent, formData: Record<string, unknown>) {
  const draft = await server.api('/api/cases', { method: 'POST', cookie, body: { item: code, formData } });
  assert.equal(draft.status, 201, `${code}: ${JSON.stringify(draft.body)}`);
  const id = draft.body.case.id as string;
  for (const key of demoMaterialKeys(content)) {
    const up = await uploadMaterial(server, cookie, id, key);
    assert.equal(up.status, 201, `${code} ${key}: ${JSON.stringify(up.body)}`);
  }
  const sub = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie, body: { version: draft.body.case.version, commitment: true } });
  assert.equal(sub.status, 200, `${code}: ${JSON.stringify(sub.body)}`);
  return sub.body.case as { id: string; number: string; version: number; status: string; currentStep: { kind: string; name: string } | null };
}
