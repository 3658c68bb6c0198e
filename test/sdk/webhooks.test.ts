/**
 * `opd-kit/webhooks`: `verifyWebhook` accepts what an HMAC-SHA256 computed apart (node:crypto)
 * signs, and refuses a wrong secret, a changed body, an old or future timestamp and malformed
 * headers; during a rotation, one matching `v1` of several is enough. (The server's own
 * deliveries are verified with it in test/server/webhooks.test.ts.)
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { DEFAULT_TOLERANCE_SECONDS, verifyWebhook } from '../../src/webhooks.js';

const secret = 'whsec_test-secret';
const body = '{"id":"evt_12","type":"innovation.verified","createdAt":"2026-12-03T03:00:00.000Z","opd":"bpkad","data":{"opd":"bpkad","innovationId":4,"reviewer":"bappeda"}}';
const t = 1_796_266_800;
const now = new Date(t * 1000);
const sign = (key: string, seconds: number, text: string) => createHmac('sha256', key).update(`${seconds}.${text}`).digest('hex');

describe('verifyWebhook', () => {
  it('accepts a signature made with the secret over "t.body", as text or bytes', async () => {
    const header = `t=${t},v1=${sign(secret, t, body)}`;
    assert.deepEqual(await verifyWebhook(secret, body, header, { now }), { ok: true, timestamp: t });
    assert.deepEqual(await verifyWebhook(secret, new TextEncoder().encode(body), header, { now }), { ok: true, timestamp: t });
    assert.deepEqual(await verifyWebhook(secret, body, header.toUpperCase().replace('T=', 't=').replace('V1=', 'v1='), { now }), { ok: true, timestamp: t }, 'hex in any case');
  });

  it('refuses a wrong secret, a changed body, or a signature over another time', async () => {
    assert.deepEqual(await verifyWebhook(secret, body, `t=${t},v1=${sign('whsec_other', t, body)}`, { now }), { ok: false, reason: 'signature-mismatch' });
    assert.deepEqual(await verifyWebhook(secret, body.replace('"innovationId":4', '"innovationId":5'), `t=${t},v1=${sign(secret, t, body)}`, { now }), { ok: false, reason: 'signature-mismatch' });
    assert.deepEqual(await verifyWebhook(secret, body, `t=${t + 1},v1=${sign(secret, t, body)}`, { now }), { ok: false, reason: 'signature-mismatch' });
  });

  it('refuses a timestamp more than five minutes off, either way, unless told a wider window', async () => {
    const header = `t=${t},v1=${sign(secret, t, body)}`;
    const at = (seconds: number) => new Date((t + seconds) * 1000);
    assert.equal(DEFAULT_TOLERANCE_SECONDS, 300);
    assert.equal((await verifyWebhook(secret, body, header, { now: at(300) })).ok, true);
    assert.deepEqual(await verifyWebhook(secret, body, header, { now: at(301) }), { ok: false, reason: 'timestamp-outside-tolerance' });
    assert.deepEqual(await verifyWebhook(secret, body, header, { now: at(-301) }), { ok: false, reason: 'timestamp-outside-tolerance' });
    assert.equal((await verifyWebhook(secret, body, header, { now: at(3600), toleranceSeconds: 3600 })).ok, true);
  });

  it('passes when one of several v1 signatures matches (a secret being rotated)', async () => {
    const header = `t=${t}, v1=${sign('whsec_old', t, body)}, v1=${sign(secret, t, body)}`;
    assert.equal((await verifyWebhook(secret, body, header, { now })).ok, true);
  });

  it('says what is wrong with a missing or malformed header, without throwing', async () => {
    assert.deepEqual(await verifyWebhook(secret, body, null), { ok: false, reason: 'missing-signature' });
    assert.deepEqual(await verifyWebhook(secret, body, ''), { ok: false, reason: 'missing-signature' });
    for (const header of ['v1=abc', `t=${t}`, `t=${t},v1=xyz`, 'garbage', `t=-5,v1=${sign(secret, t, body)}`]) {
      assert.deepEqual(await verifyWebhook(secret, body, header, { now }), { ok: false, reason: 'malformed-signature' }, header);
    }
  });
});
