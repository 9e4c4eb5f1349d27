import { systemActor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { generateKeyPair, sign, sm3Hex, sm4Decrypt, sm4Encrypt, verify } from '../../kernel/crypto/index.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { signWithSeal, verifySeal } from '../seal/index.ts';

export interface ReceiptSignature {
  signature: string;
  keyId: string;
  /** 'seal:<id>' when the unit's e-seal signed, 'unit-key' for the fallback key. */
  signerKind: string;
  publicKey: string;
}

/**
 * Signs e-receipts for a collecting unit. The unit's e-seal (seal module) signs when the unit
 * has an active one; a unit without a seal gets a payment-only SM2 key so a payment is never
 * refused for want of a seal. The receipt records which of the two signed it.
 */
export interface ReceiptSigner {
  sign(tx: Tx, departmentId: string, bytes: string, receiptId: string): Promise<ReceiptSignature>;
  verify(ctx: AppContext, r: { signerKind: string; keyId: string; publicKey: string; signature: string; bytes: string }): Promise<boolean>;
}

const kek = (masterKey: string) => sm3Hex(`yiwang.payment.unit-key:${masterKey}`).slice(0, 32);

async function unitKey(tx: Tx, masterKey: string, departmentId: string) {
  const pair = generateKeyPair();
  const keyId = sm3Hex(Buffer.from(pair.publicKey, 'hex')).slice(0, 16);
  await tx.query(
    `insert into payment_signing_key (department_id, key_id, public_key, private_key_enc) values ($1, $2, $3, $4)
     on conflict (department_id) do nothing`,
    [departmentId, keyId, pair.publicKey, sm4Encrypt(kek(masterKey), pair.privateKey)],
  );
  const row = await tx.one<{ key_id: string; public_key: string; private_key_enc: string }>(
    'select key_id, public_key, private_key_enc from payment_signing_key where department_id = $1',
    [departmentId],
  );
  return { keyId: row!.key_id, publicKey: row!.public_key, privateKey: sm4Decrypt(kek(masterKey), row!.private_key_enc) };
}

export function receiptSigner(ctx: AppContext): ReceiptSigner {
  return {
    async sign(tx, departmentId, bytes, receiptId) {
      // A savepoint, so a unit without a seal (or a seal module error) leaves the payment's
      // transaction usable for the fallback.
      await tx.exec('savepoint receipt_seal');
      try {
        const s = await signWithSeal(ctx, systemActor('payment'), { departmentId }, bytes, {
          tx,
          purpose: 'e-receipt',
          objectType: 'payment_receipt',
          objectId: receiptId,
        });
        await tx.exec('release savepoint receipt_seal');
        // The seal module publishes and verifies its keys by id; we keep only the id.
        return { signature: s.signature, keyId: s.keyId, signerKind: `seal:${s.sealId}`, publicKey: '' };
      } catch (err) {
        await tx.exec('rollback to savepoint receipt_seal');
        if (!(err instanceof AppError)) ctx.log.warn({ err }, 'e-seal signing failed; signing the receipt with the unit key');
      }
      const key = await unitKey(tx, ctx.config.masterKey, departmentId);
      return { signature: sign(bytes, key.privateKey, key.publicKey), keyId: key.keyId, signerKind: 'unit-key', publicKey: key.publicKey };
    },
    async verify(context, r) {
      if (r.signerKind.startsWith('seal:')) {
        const v = await verifySeal(context, { keyId: r.keyId, bytes: r.bytes, signature: r.signature });
        return v.valid;
      }
      return verify(r.bytes, r.signature, r.publicKey);
    },
  };
}
