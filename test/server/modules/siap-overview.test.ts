/**
 * SIAP on the regency's rollout board (`GET /api/v1/overview`), over real HTTP on both stores:
 * a new OPD that starts SIAP shows the month's questions, the share answered within the
 * service level and the questions overdue now; an OPD without SIAP shows no SIAP figures.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { regencyOverview } from '../../../src/schemas/index.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { question } from '../../helpers/siap.js';

const DAY = 24 * 3600_000;

describeApi('SIAP on the rollout board', { publicResponses: 2 }, (api) => {
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const board = async () => {
    const response = await api.staff('/api/v1/overview?month=2025-03');
    assert.equal(response.status, 200);
    return assertShape(regencyOverview, await response.json(), 'overview');
  };

  it('counts a new OPD’s questions of the month, the share answered in time and those overdue now', async () => {
    assert.equal((await api.staff('/api/v1/opds', json('POST', { slug: 'uji-coba', name: 'Dinas Uji Coba', modules: ['siap'] }))).status, 201);
    const categories = await api.staff(
      '/api/v1/opds/uji-coba/consultation-categories',
      json('PUT', { categories: [{ id: 'umum', name: 'Umum' }] }),
    );
    assert.equal(categories.status, 200);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const asked = await api.publicRequest('/api/v1/opds/uji-coba/consultations', json('POST', question({ category: 'umum', subject: `Uji ${i}` })));
      assert.equal(asked.status, 201);
      codes.push(((await asked.json()) as { trackingCode: string }).trackingCode);
    }
    const fresh = (await board()).opds.find((opd) => opd.slug === 'uji-coba');
    // Nothing is due yet: no share to give.
    assert.deepEqual(fresh?.consultations, { received: 3, withinServiceLevel: null, overdueNow: 0 });

    assert.equal((await api.staff(`/api/v1/opds/uji-coba/consultations/${codes[0]}/answer`, json('POST', { text: 'Sudah kami jawab.' }))).status, 200);
    assert.equal(
      (await api.staff(`/api/v1/opds/uji-coba/consultations/${codes[1]}/status`, json('POST', { status: 'in_progress', note: 'Sedang kami periksa.' }))).status,
      200,
    );
    // Past the due date (Monday 10 March, end of day): the third had no response.
    api.clock.advance(6 * DAY);
    const later = (await board()).opds.find((opd) => opd.slug === 'uji-coba');
    assert.equal(later?.consultations?.received, 3);
    assert.equal(later?.consultations?.overdueNow, 1);
    assert.ok(Math.abs((later?.consultations?.withinServiceLevel ?? 0) - 2 / 3) < 1e-9, 'two of three in time');

    const april = await api.staff('/api/v1/overview?month=2025-04');
    const inApril = assertShape(regencyOverview, await april.json(), 'overview').opds.find((opd) => opd.slug === 'uji-coba');
    assert.deepEqual(inApril?.consultations, { received: 0, withinServiceLevel: null, overdueNow: 1 }, 'overdue now is about now, whatever the month');
  });

  it('shows no SIAP figures for an OPD without SIAP', async () => {
    const dprd = (await board()).opds.find((opd) => opd.slug === 'sekretariat-dprd');
    assert.ok(dprd, 'every OPD is on the board');
    assert.equal(dprd.consultations, undefined);
  });
});
