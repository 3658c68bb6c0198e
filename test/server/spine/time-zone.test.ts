/**
 * The regency's time zone (`TIME_ZONE`), over real HTTP on both stores: the widgets read it
 * from `GET /api/v1/opds/{opd}` and from the public consultation view, and the due date is
 * the end of the third working day there (WITA: 23:59:59.999 +08:00), not in Jakarta.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { consultationPublic, opd as opdSchema } from '../../../src/schemas/index.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { siapRequests } from '../../helpers/siap.js';

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

describeApi('time zone, WITA', { publicResponses: 0, settings: { timeZone: 'Asia/Makassar' } }, (api) => {
  it('gives the regency’s zone to the widgets', async () => {
    const opd = assertShape(opdSchema, await (await api.publicRequest('/api/v1/opds/bpkad')).json(), 'OPD');
    assert.equal(opd.timeZone, 'Asia/Makassar');
  });
});
