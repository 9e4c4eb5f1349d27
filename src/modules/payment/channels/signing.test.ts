import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hmacSm3Signer, signedHeaders, sm2Signer, verifySignedBody } from '../../../kernel/crypto/index.ts';
import { simulatorKeys } from './signing.ts';

const KEY = '0123456789abcdeffedcba9876543210';

for (const [name, gateway, merchant] of [
  ['HMAC-SM3', hmacSm3Signer(simulatorKeys(KEY, 'sim-bank').hmacKey), hmacSm3Signer(simulatorKeys(KEY, 'sim-bank').hmacKey)],
  [
    'SM2',
    sm2Signer(simulatorKeys(KEY, 'sim-wallet').sm2PrivateKey, simulatorKeys(KEY, 'sim-wallet').sm2PublicKey),
    sm2Signer(undefined, simulatorKeys(KEY, 'sim-wallet').sm2PublicKey),
  ],
] as const) {
  test(`${name}: the exact body verifies; any change to body, timestamp or nonce does not`, () => {
    const body = '{"amountFen":100,"paymentCode":"44530000000000000000"}';
    const headers = signedHeaders(gateway, body);
    assert.equal(verifySignedBody(merchant, headers, body), true);
    assert.equal(verifySignedBody(merchant, headers, body.replace('100', '101')), false);
    assert.equal(verifySignedBody(merchant, { ...headers, 'x-callback-timestamp': '1' }, body), false);
    assert.equal(verifySignedBody(merchant, { ...headers, 'x-callback-nonce': 'other' }, body), false);
    assert.equal(verifySignedBody(merchant, { ...headers, 'x-callback-signature': 'zz' }, body), false);
    assert.equal(verifySignedBody(merchant, {}, body), false);
  });
}

test('the two channels and two master keys have different keys', () => {
  const a = simulatorKeys(KEY, 'sim-bank');
  const b = simulatorKeys(KEY, 'sim-wallet');
  const c = simulatorKeys('ffffffffffffffffffffffffffffffff', 'sim-bank');
  assert.notEqual(a.hmacKey, b.hmacKey);
  assert.notEqual(a.hmacKey, c.hmacKey);
  assert.notEqual(a.sm2PublicKey, b.sm2PublicKey);
  const body = '{}';
  assert.equal(verifySignedBody(hmacSm3Signer(c.hmacKey), signedHeaders(hmacSm3Signer(a.hmacKey), body), body), false);
});
