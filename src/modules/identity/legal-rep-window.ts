import type { Actor, StaffActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { maskIdNumber, validateIdNumber } from '../../kernel/validate/idcard.ts';
import { usccRegionCode, validateUscc } from '../../kernel/validate/uscc.ts';
import { windowRef } from '../org/index.ts';
import { tableLegalEntityRegistry } from './legal-entities.ts';
import { proveLegalRep, registryVerdict } from './legal-rep.ts';
import type { LegalRepAtWindow } from './schemas.ts';

/**
 * A general-window clerk checks the business licence and the ID card in person. Unlike 实名等级 3
 * (a service of every hall), proving who represents an enterprise is scoped: the clerk's grant
 * must cover the enterprise's region. Approvers and administrators do not stand at a window.
 */
const CLERKS = ['window_clerk'] as const;

interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  region_code: string | null;
  legal_rep_person_id: string;
  legal_rep_proof: 'registry' | 'window' | null;
  legal_rep_proven_at: Date | null;
  person_name: string;
  id_number_enc: string;
  assurance_level: number;
}

const SELECT = `select e.id, e.uscc, e.name, e.region_code, e.legal_rep_person_id, e.legal_rep_proof, e.legal_rep_proven_at,
                       p.name as person_name, p.id_number_enc, p.assurance_level
                  from enterprise e join person p on p.id = e.legal_rep_person_id`;

/** The enterprise's region, or where the USCC says it was registered when identity has none. */
const regionOf = (e: EnterpriseRow) => e.region_code ?? usccRegionCode(e.uscc.trim());
const covers = (clerk: StaffActor, e: EnterpriseRow) => canAct(clerk, CLERKS, { regionCode: regionOf(e) });

function present(ctx: AppContext, e: EnterpriseRow): LegalRepAtWindow {
  const pii = personalData(ctx.config.masterKey);
  return {
    enterpriseId: e.id,
    uscc: e.uscc.trim(),
    name: e.name,
    regionCode: regionOf(e),
    legalRep: { name: e.person_name, idNumber: maskIdNumber(pii.decrypt(e.id_number_enc)), assuranceLevel: e.assurance_level as 1 | 2 | 3 },
    status: e.legal_rep_proof ? 'proven' : 'pending',
    proof: e.legal_rep_proof,
    provenAt: e.legal_rep_proven_at ? new Date(e.legal_rep_proven_at).toISOString() : null,
  };
}

function checkedIdNumber(value: string): string {
  const idNumber = value.trim().toUpperCase();
  const check = validateIdNumber(idNumber);
  if (!check.ok) throw new AppError('ID_NUMBER_INVALID', 422, { reason: check.reason }, { field: 'idNumber', reason: check.reason });
  return idNumber;
}

/**
 * The clerk finds the enterprise by its code and sees who registered as its legal representative
 * (masked) and whether that is proven. Audited: the answer shows personal data. An enterprise
 * outside the clerk's region is the same 404 as none, so a clerk cannot probe other regions.
 */
export async function findLegalRepAtWindow(ctx: AppContext, actor: Actor, usccInput: string): Promise<LegalRepAtWindow> {
  const clerk = requireRole(actor, CLERKS);
  const uscc = usccInput.trim().toUpperCase();
  const check = validateUscc(uscc);
  if (!check.ok) throw unprocessable('USCC_INVALID', { reason: check.reason }, { field: 'uscc', reason: check.reason });
  const e = await ctx.db.one<EnterpriseRow & Record<string, unknown>>(`${SELECT} where e.uscc = $1`, [uscc]);
  if (!e || !covers(clerk, e)) throw new AppError('ENTERPRISE_NOT_FOUND', 404, {}, { field: 'uscc' });
  await ctx.db.transaction((tx) =>
    appendAudit(tx, clerk, { action: 'enterprise.legal_rep_lookup', objectType: 'enterprise', objectId: e.id, regionCode: clerk.regionCode, details: { uscc } }),
  );
  return present(ctx, e);
}

export interface WindowProofInput {
  /** The number on the ID card in hand, typed again: it must be the claimant's (or the replacing person's). */
  idNumber: string;
  windowId?: string;
  note?: string;
  /**
   * The card in hand is not the claimant's and the documents show its holder is the legal
   * representative: that person takes the claim over (the old claimant's agents are revoked).
   */
  replaceClaimant?: boolean;
}

/**
 * 法定代表人现场核验: after checking the business licence and the ID card, the clerk proves the
 * pending representation (proof 'window', by whom, at which window, with a note). The registry
 * still has the last word: an enterprise it knows as revoked or deregistered, or under another
 * legal representative, is refused as it is online.
 */
export async function verifyLegalRepAtWindow(ctx: AppContext, actor: Actor, enterpriseId: string, input: WindowProofInput): Promise<LegalRepAtWindow> {
  const clerk = requireRole(actor, CLERKS);
  const idNumber = checkedIdNumber(input.idNumber);
  const note = input.note?.trim() || null;
  const pii = personalData(ctx.config.masterKey);
  await ctx.db.transaction(async (tx) => {
    const e = await tx.one<EnterpriseRow & Record<string, unknown>>(`${SELECT} where e.id = $1 for update of e`, [enterpriseId]);
    if (!e) throw notFound('enterprise', enterpriseId);
    if (!covers(clerk, e)) throw forbidden({ required: CLERKS, regionCode: regionOf(e) });
    if (e.legal_rep_proof) throw conflict('LEGAL_REP_ALREADY_PROVEN', {}, { uscc: e.uscc.trim() });
    const window = input.windowId ? await windowRef(tx, input.windowId) : undefined;
    if (input.windowId && (!window || !canAct(clerk, CLERKS, { regionCode: window.regionCode, departmentId: window.departmentId })))
      throw unprocessable('WINDOW_UNKNOWN', {}, { windowId: input.windowId });
    const person = await tx.one<{ id: string; name: string; id_number_index: string; status: string }>(
      'select id, name, id_number_index, status from person where id_number_index = $1',
      [pii.index(idNumber)],
    );
    const claimant = person?.id === e.legal_rep_person_id;
    if (!claimant && !input.replaceClaimant) throw unprocessable('IDENTITY_MISMATCH', {}, { field: 'idNumber' });
    if (!person || person.status !== 'active') throw new AppError('PERSON_NOT_FOUND', 404, {}, { field: 'idNumber' });
    await registryVerdict(tableLegalEntityRegistry(tx), e.uscc.trim(), { name: person.name, idNumberIndex: person.id_number_index });
    await proveLegalRep(tx, clerk, { id: e.id, uscc: e.uscc.trim(), regionCode: e.region_code, claimantId: e.legal_rep_person_id }, person.id, {
      proof: 'window',
      provenBy: clerk.id,
      windowId: window?.id ?? null,
      note,
    });
  });
  const after = await ctx.db.one<EnterpriseRow & Record<string, unknown>>(`${SELECT} where e.id = $1`, [enterpriseId]);
  return present(ctx, after!);
}
