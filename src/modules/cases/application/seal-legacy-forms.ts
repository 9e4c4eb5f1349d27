import type { Row, Tx } from '../../../kernel/db/index.ts';
import type { PersonalKind } from '../../../kernel/guide/form.ts';
import type { MigrationStep } from '../../../kernel/migrate.ts';
import { personalData, type PersonalData } from '../../../kernel/pii.ts';
import { getPublishedVersion, getVersionById } from '../../catalog/index.ts';
import { personalKindsOf, planFor } from '../bundle/plan.ts';
import { membersOf } from '../bundle/store.ts';
import { declaredKinds, sealForm, type StoredForm } from '../personal-form.ts';

/**
 * Migration step cases/016: forms stored before migration 015 kept personal values in clear.
 * Each such row is sealed like a new one — the fields its frozen version declares personal,
 * those the item's current version declares (published later, the declaration reaches back),
 * and any value personal by its shape. Rows already sealed or without form values are skipped,
 * so running it again changes nothing.
 */

/** Kinds declared for an item: its frozen version's, then its published version's (which may have none). */
async function itemKinds(tx: Tx, itemId: string, versionId: string): Promise<Record<string, PersonalKind>> {
  const frozen = await getVersionById(tx, versionId);
  const published = await getPublishedVersion(tx, itemId).catch(() => undefined);
  return { ...declaredKinds(published?.content.form), ...declaredKinds(frozen?.content.form) };
}

async function bundleKinds(tx: Tx, bundleCaseId: string): Promise<Record<string, PersonalKind>> {
  // a draft whose items are no longer published has no plan: its values are sealed by shape
  return planFor(tx, await membersOf(tx, bundleCaseId)).then(personalKindsOf, () => ({}));
}

/** Rows with form values and nothing sealed: written before migration 015. */
const UNSEALED = `form_pii = '{}'::jsonb and form_data <> '{}'::jsonb`;
type Stored = StoredForm & Row & { id: string };

export async function sealLegacyForms(tx: Tx, pii: PersonalData): Promise<{ cases: number; bundles: number }> {
  let cases = 0;
  let bundles = 0;
  const caseRows = await tx.query<Stored & { item_id: string; item_version_id: string }>(
    `select id, item_id, item_version_id, form_data, form_pii from case_record where ${UNSEALED} order by id`,
  );
  for (const r of caseRows) {
    const sealed = sealForm(pii, await itemKinds(tx, r.item_id, r.item_version_id), r.form_data);
    if (!Object.keys(sealed.form_pii).length) continue;
    // neither version nor updated_at: nothing happened to the case, only to how it is stored
    await tx.query('update case_record set form_data = $2, form_pii = $3 where id = $1', [r.id, JSON.stringify(sealed.form_data), JSON.stringify(sealed.form_pii)]);
    cases++;
  }
  for (const r of await tx.query<Stored>(`select id, form_data, form_pii from case_bundle where ${UNSEALED} order by id`)) {
    const sealed = sealForm(pii, await bundleKinds(tx, r.id), r.form_data);
    if (!Object.keys(sealed.form_pii).length) continue;
    await tx.query('update case_bundle set form_data = $2, form_pii = $3 where id = $1', [r.id, JSON.stringify(sealed.form_data), JSON.stringify(sealed.form_pii)]);
    bundles++;
  }
  return { cases, bundles };
}

export const sealLegacyFormsStep: MigrationStep = {
  name: '016_seal_form_pii',
  async run(tx, keys) {
    // no key, no rows to seal (a fresh database, a test of the schema alone) is fine; rows without a key are not
    const pending = await tx.one(
      `select 1 where exists (select 1 from case_record where ${UNSEALED}) or exists (select 1 from case_bundle where ${UNSEALED})`,
    );
    if (!pending) return;
    if (!keys.masterKey) throw new Error('migration cases/016_seal_form_pii encrypts existing forms and needs the master key');
    await sealLegacyForms(tx, personalData(keys.masterKey));
  },
};
