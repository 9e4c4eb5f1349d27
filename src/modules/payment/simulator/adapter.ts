import type { Queryable } from '../../../kernel/db/index.ts';
import type { ChannelAdapter, ChannelNotification, VerifyResult } from '../channels/types.ts';
import { hmacSm3Signer, sm2Signer, verifySignedBody, type CallbackSigner } from '../../../kernel/crypto/index.ts';
import { simulatorKeys } from '../channels/signing.ts';
import { createSimOrder, refundSim, simOrderByMerchantNo, simStatement, type SimChannel } from './store.ts';

/** Gateway-side signers: the simulator holds the private keys. */
export function gatewaySigner(masterKey: string, channel: SimChannel): CallbackSigner {
  const keys = simulatorKeys(masterKey, channel);
  return channel === 'sim-bank' ? hmacSm3Signer(keys.hmacKey) : sm2Signer(keys.sm2PrivateKey, keys.sm2PublicKey);
}

/** Merchant-side verifiers: for SM2 we hold only the gateway's public key. */
function merchantVerifier(masterKey: string, channel: SimChannel): CallbackSigner {
  const keys = simulatorKeys(masterKey, channel);
  return channel === 'sim-bank' ? hmacSm3Signer(keys.hmacKey) : sm2Signer(undefined, keys.sm2PublicKey);
}

const str = (v: unknown, max = 64) => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Shape check of a decoded callback body; amounts stay as sent so the service can judge them. */
export function decodeNotification(body: unknown): ChannelNotification | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  if (!str(b.notifyId) || (b.type !== 'PAYMENT' && b.type !== 'REFUND') || !str(b.paymentCode, 32) || !str(b.channelTxnId)) return undefined;
  if (typeof b.amountFen !== 'number' || !str(b.occurredAt) || Number.isNaN(Date.parse(String(b.occurredAt)))) return undefined;
  if (b.type === 'REFUND' && (!str(b.merchantRefundNo) || (b.refundStatus !== 'SUCCESS' && b.refundStatus !== 'FAIL'))) return undefined;
  return {
    notifyId: String(b.notifyId),
    type: b.type,
    paymentCode: String(b.paymentCode),
    channelTxnId: String(b.channelTxnId),
    amountFen: b.amountFen,
    occurredAt: String(b.occurredAt),
    ...(b.type === 'REFUND'
      ? { merchantRefundNo: String(b.merchantRefundNo), refundStatus: b.refundStatus as 'SUCCESS' | 'FAIL', ...(str(b.failure, 200) ? { failure: String(b.failure) } : {}) }
      : {}),
  };
}

export function simulatorAdapter(masterKey: string, channel: SimChannel): ChannelAdapter {
  const verifier = merchantVerifier(masterKey, channel);
  return {
    code: channel,
    signature: channel === 'sim-bank' ? 'hmac-sm3' : 'sm2',
    async createOrder(io, order) {
      const id = await createSimOrder(io, channel, {
        merchantOrderNo: order.orderId,
        paymentCode: order.paymentCode,
        amountFen: order.amountFen,
        subject: order.subject,
        notifyUrl: order.notifyUrl,
        returnUrl: order.returnUrl,
      });
      return { payUrl: `/paysim/${channel}/pay/${id}` };
    },
    verifyCallback(headers, rawBody): VerifyResult {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        parsed = undefined;
      }
      const notifyId = (parsed as { notifyId?: unknown } | undefined)?.notifyId;
      const id = typeof notifyId === 'string' ? notifyId.slice(0, 64) : undefined;
      if (!verifySignedBody(verifier, headers, rawBody)) return { ok: false, reason: 'bad_signature', notifyId: id };
      const notification = decodeNotification(parsed);
      if (!notification) return { ok: false, reason: 'malformed', notifyId: id };
      return { ok: true, notification, notifyId: notification.notifyId };
    },
    async query(io: Queryable, orderId) {
      const o = await simOrderByMerchantNo(io, channel, orderId);
      if (!o) return { status: 'unknown' };
      return {
        status: o.status,
        ...(o.channel_txn_id ? { channelTxnId: o.channel_txn_id, amountFen: Number(o.paid_fen), paidAt: new Date(o.paid_at!).toISOString() } : {}),
      };
    },
    refund: (io, r) => refundSim(io, channel, r),
    statement: (db, day) => simStatement(db, channel, day),
  };
}
