/**
 * The regency's time zone (`TIME_ZONE`), over real HTTP on both stores: the widgets read it
 * from `GET /api/v1/opds/{opd}` and from the public consultation view, and the due date is
 * the end of the third working day there (WITA: 23:59:59.999 +08:00), not in Jakarta.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { consultationPublic, consultationReceipt, opd as opdSchema } from '../../../src/schemas/index.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { question, siapRequests } from '../../helpers/siap.js';

describeApi('time zone, default', { publicResponses: 2 }, (api) => {
  const { newConsultation } = siapRequests(api);

  it('gives Asia/Jakarta to the widgets when TIME_ZONE is not set', async () => {
    const opd = assertShape(opdSchema, await (await api.publicRequest('/api/v1/opds/bpkad')).json(), 'OPD');
    assert.equal(opd.timeZone, 'Asia/Jakarta');
    const code = await newConsultation();
    const view = assertShape(consultationPublic, await (await api.publicRequest(`/api/v1/consultations/${code}`)).json(), 'view');
    assert.equal(view.timeZone, 'Asia/Jakarta');
  });
});

for (const [timeZone, offset] of [
  ['Asia/Makassar', '+08:00'],
  ['Asia/Jayapura', '+09:00'],
] as const) {
  describeApi(`time zone, ${timeZone}`, { publicResponses: 2, settings: { timeZone } }, (api) => {
    const { ask } = siapRequests(api);

    it('gives the regency’s zone to the widgets and counts the due date in it', async () => {
      const opd = assertShape(opdSchema, await (await api.publicRequest('/api/v1/opds/bpkad')).json(), 'OPD');
      assert.equal(opd.timeZone, timeZone);

      // The suite's clock starts on Wednesday 5 March 2025 (11:00 WITA, 12:00 WIT): due at the end of Monday there.
      const response = await ask(question());
      assert.equal(response.status, 201);
      const receipt = assertShape(consultationReceipt, await response.json(), 'receipt');
      assert.equal(receipt.dueAt, new Date(`2025-03-10T23:59:59.999${offset}`).toISOString());
      const view = assertShape(
        consultationPublic,
        await (await api.publicRequest(`/api/v1/consultations/${receipt.trackingCode}`)).json(),
        'view',
      );
      assert.equal(view.timeZone, timeZone);
      assert.equal(view.dueAt, receipt.dueAt);
    });

    it('seeds the demo questions with due dates at the end of a working day in the regency’s zone', async () => {
      const seeded = await api.server.db.selectFrom('consultations').select('due_at').where('tracking_code', 'like', 'SIAP-DEM0-%').execute();
      assert.ok(seeded.length > 0);
      for (const { due_at } of seeded) {
        // 23:59:59.999 local is 16:59:59.999 UTC in WIB, 15:59 in WITA, 14:59 in WIT.
        const local = new Date(due_at.getTime() + Number(offset.slice(1, 3)) * 3_600_000);
        assert.equal(local.toISOString().slice(11), '23:59:59.999Z', `${due_at.toISOString()} in ${timeZone}`);
      }
    });
  });
}
