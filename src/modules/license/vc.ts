import { systemActor, type Actor } from '../../kernel/actor.ts';
import { allowKinds } from '../../kernel/auth.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import { forbidden } from '../../kernel/errors.ts';
import { currentSealKeyId, signWithSeal, verifySeal } from '../seal/index.ts';
import { documentCodec, fetchReadable, isHolder, type LicenceDocument } from './store.ts';
import { verifyByIdentifier } from './verify.ts';
import * as clock from '../../kernel/clock.ts';

/**
 * A licence as a W3C Verifiable Credential (VC Data Model 2.0) with a Data Integrity proof
 * made by the issuing department's seal key. There is no registered SM2 cryptosuite, so the
 * suite is our own, built like eddsa-jcs-2022 with SM2/SM3 in place of Ed25519/SHA-256:
 *
 *   proofConfig = the proof without proofValue, with the credential's @context
 *   hashData    = SM3(JCS(proofConfig)) ‖ SM3(JCS(credential without proof))      (64 bytes)
 *   proofValue  = 'u' + base64url(DER SM2 signature over hashData, user ID 1234567812345678)
 *
 * JCS is canonicalJson (sorted keys, JSON.stringify numbers: RFC 8785 for the values used
 * here). verificationMethod points at the published key list with the key id as fragment.
 * Limits: wallets that only know registered suites cannot check the proof; status is checked
 * online through credentialStatus (not a Bitstring Status List); no holder binding (no DID).
 */
export const CRYPTOSUITE = 'yiwang-sm2-jcs-2026';
const CONTEXT = 'https://www.w3.org/ns/credentials/v2';

type Json = Record<string, unknown>;

function hashData(credential: Json, proofConfig: Json): Buffer {
  return Buffer.concat([
    Buffer.from(sm3Hex(canonicalJson(proofConfig)), 'hex'),
    Buffer.from(sm3Hex(canonicalJson(credential)), 'hex'),
  ]);
}

function credentialOf(doc: LicenceDocument, baseUrl: string): Json {
  const holder =
    doc.holder.kind === 'person'
      ? { name: doc.holder.name, ...(doc.holder.codeType === 'passport' ? { passportNumber: doc.holder.code } : { idNumber: doc.holder.code }) }
      : { name: doc.holder.name, uscc: doc.holder.code };
  return {
    '@context': [CONTEXT],
    id: `urn:yiwang:licence:${doc.identifier}`,
    type: ['VerifiableCredential', 'ELicenceCredential'],
    name: doc.type.name,
    issuer: { id: `urn:uscc:${doc.issuer.uscc}`, name: doc.issuer.name },
    validFrom: `${doc.validFrom}T00:00:00+08:00`,
    ...(doc.validTo ? { validUntil: `${doc.validTo}T23:59:59+08:00` } : {}),
    credentialSubject: {
      type: doc.holder.kind === 'person' ? 'Person' : 'Organization',
      ...holder,
      licence: {
        identifier: doc.identifier,
        typeCode: doc.type.code,
        issuedAt: doc.issuedAt,
        operation: doc.operation,
        relatedIdentifier: doc.relatedIdentifier,
        fields: doc.fields,
      },
    },
    credentialStatus: { id: `${baseUrl}/api/licences/verify?id=${doc.identifier}`, type: 'YiWangLicenceStatus' },
  };
}

/** The holder's licence as a signed VC (each export is a seal signature, audited). */
export async function licenceCredential(ctx: AppContext, actor: Actor, id: string, baseUrl: string): Promise<Json> {
  allowKinds(actor, ['person']);
  const row = await fetchReadable(ctx.db, actor, id);
  if (!isHolder(actor, row)) throw forbidden({ required: 'holder' });
  const doc = JSON.parse(documentCodec(ctx).open(row)) as LicenceDocument;
  const credential = credentialOf(doc, baseUrl);
  const proofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: clock.now().toISOString(),
    proofPurpose: 'assertionMethod',
  };
  const keyId = await currentSealKeyId(ctx, row.sealId);
  const proofConfig = { ...proofOptions, verificationMethod: `${baseUrl}/api/seals/public-keys?keyId=${keyId}#${keyId}` };
  const sig = await signWithSeal(
    ctx,
    systemActor('licence-vc'),
    { sealId: row.sealId },
    hashData(credential, { '@context': credential['@context'], ...proofConfig }),
    { purpose: 'vc', objectType: 'licence', objectId: row.id },
  );
  // A rotation between the two calls would make the proof name the wrong key.
  if (sig.keyId !== keyId) throw new Error('seal key rotated while signing; export again');
  return { ...credential, proof: { ...proofConfig, proofValue: `u${Buffer.from(sig.signature, 'hex').toString('base64url')}` } };
}

export interface CredentialCheck {
  verified: boolean;
  reason?: 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';
  keyId?: string;
  /** The licence's current status, from the status URL's own check. */
  verdict?: string;
}

/** Check a VC exported above: the proof under the published key, then the licence's status. */
export async function verifyCredential(ctx: AppContext, vc: Json): Promise<CredentialCheck> {
  const { proof, ...credential } = vc as Json & { proof?: Json };
  const keyId = typeof proof?.verificationMethod === 'string' ? proof.verificationMethod.split('#')[1] : undefined;
  const proofValue = proof?.proofValue;
  if (!proof || proof.cryptosuite !== CRYPTOSUITE || !keyId || typeof proofValue !== 'string' || !proofValue.startsWith('u')) {
    return { verified: false, reason: 'MALFORMED' };
  }
  const { proofValue: _omit, ...config } = proof;
  const signature = Buffer.from(proofValue.slice(1), 'base64url').toString('hex');
  const check = await verifySeal(ctx, {
    keyId,
    bytes: hashData(credential, { '@context': credential['@context'], ...config }),
    signature,
  });
  if (!check.valid) return { verified: false, reason: check.reason ?? 'BAD_SIGNATURE', keyId };
  const identifier = ((credential.credentialSubject as Json | undefined)?.licence as Json | undefined)?.identifier;
  const status = typeof identifier === 'string' ? await verifyByIdentifier(ctx, identifier).catch(() => undefined) : undefined;
  return { verified: true, keyId, ...(status ? { verdict: status.verdict } : {}) };
}
