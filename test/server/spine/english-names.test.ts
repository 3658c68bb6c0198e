/**
 * English names, over real HTTP on both stores: an OPD and its consultation categories may
 * give an English name (`nameEn`) besides the official Indonesian one (`name`); the OPD list,
 * the OPD read and the public consultation view carry it, and leave it out where the OPD gave
 * none (the widgets then show `name`).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { consultationPublic, opd as opdSchema, opdList } from '../../../src/schemas/index.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { seedDemo } from '../../../server/src/seed.js';
import { assertShape, assertSeededNothing, describeApi } from '../../helpers/api.js';
import { siapRequests } from '../../helpers/siap.js';

describeApi('English names', { publicResponses: 6 }, (api) => {
  const { newConsultation } = siapRequests(api);
  const opdView = async (slug: string) =>
    assertShape(opdSchema, await (await api.publicRequest(`/api/v1/opds/${slug}`)).json(), 'OPD');

  it('lists the demo OPDs with their English names', async () => {
    const list = assertShape(opdList, await (await api.publicRequest('/api/v1/opds')).json(), 'OPD list');
    const bpkad = list.data.find((o) => o.slug === 'bpkad');
    assert.equal(bpkad?.name, 'Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)');
    assert.equal(bpkad?.nameEn, 'Regional Finance and Asset Management Agency (BPKAD)');
    assert.ok(list.data.every((o) => o.nameEn), 'every demo OPD has one');
  });

  it('gives the OPD and each category its English name on the OPD read and the public view', async () => {
    const bpkad = await opdView('bpkad');
    assert.equal(bpkad.nameEn, 'Regional Finance and Asset Management Agency (BPKAD)');
    assert.deepEqual(bpkad.consultationCategories.find((c) => c.id === 'sp2d-pencairan'), {
      id: 'sp2d-pencairan',
      name: 'SP2D dan pencairan',
      nameEn: 'SP2D and disbursement',
    });
    assert.ok(bpkad.consultationCategories.every((c) => c.nameEn), 'every demo category has one');

    const code = await newConsultation();
    const view = assertShape(consultationPublic, await (await api.publicRequest(`/api/v1/consultations/${code}`)).json(), 'view');
    assert.deepEqual(view.opd, {
      slug: 'bpkad',
      name: 'Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)',
      nameEn: 'Regional Finance and Asset Management Agency (BPKAD)',
    });
    assert.deepEqual(view.category, { id: 'sp2d-pencairan', name: 'SP2D dan pencairan', nameEn: 'SP2D and disbursement' });
  });

  it('leaves nameEn out where the OPD gave no English name', async () => {
    const { db } = api.server;
    await db.updateTable('opds').set({ name_en: null }).where('slug', '=', 'rsud').execute();
    await db
      .updateTable('consultation_categories')
      .set({ name_en: null })
      .where('opd_slug', '=', 'rsud')
      .where('id', '=', 'rawat-inap')
      .execute();
    const rsud = await opdView('rsud');
    assert.equal(rsud.name, 'Rumah Sakit Umum Daerah (RSUD) Lahat');
    assert.ok(!('nameEn' in rsud));
    const inap = rsud.consultationCategories.find((c) => c.id === 'rawat-inap');
    assert.deepEqual(inap, { id: 'rawat-inap', name: 'Rawat inap' });
    assert.equal(rsud.consultationCategories.find((c) => c.id === 'rawat-jalan')?.nameEn, 'Outpatient care and doctors’ schedules');
  });

  it('gives a demo database made before English names the demo ones, but not to an OPD or category staff renamed', async () => {
    const { db } = api.server;
    // rsud is as an older demo left it (see above); staff renamed Bappeda and one of its categories.
    await db.updateTable('opds').set({ name: 'Bappeda Kabupaten Lahat', name_en: null }).where('slug', '=', 'bappeda').execute();
    await db
      .updateTable('consultation_categories')
      .set({ name: 'Musrenbang', name_en: null })
      .where('opd_slug', '=', 'bappeda')
      .where('id', '=', 'perencanaan')
      .execute();
    assertSeededNothing(await seedDemo(db, serverModules, api.clock.now()), serverModules);

    const rsud = await opdView('rsud');
    assert.equal(rsud.nameEn, 'Lahat Regional General Hospital (RSUD)');
    assert.equal(rsud.consultationCategories.find((c) => c.id === 'rawat-inap')?.nameEn, 'Inpatient care');
    const bappeda = await opdView('bappeda');
    assert.ok(!('nameEn' in bappeda), 'a name staff changed gets no demo translation');
    assert.deepEqual(bappeda.consultationCategories.find((c) => c.id === 'perencanaan'), { id: 'perencanaan', name: 'Musrenbang' });
    assert.equal(bappeda.consultationCategories.find((c) => c.id === 'csr')?.nameEn, 'CSR programmes (SIP BENAR)');
  });
});
