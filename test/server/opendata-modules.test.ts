/**
 * Open data when a module is off (issue 23), on both stores with the Lahat demo seed: a regency
 * admin switches a module off for one OPD; from the next request on the DCAT catalogue no longer
 * lists that OPD's datasets of the module, its downloads answer 404 `module-disabled` naming the
 * module, and every other dataset (other OPDs', the OPD's other modules') is listed as before;
 * switched on again, the same datasets are back with the same rows (the data stayed).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenDataCatalogue } from '../../src/schemas/opendata.js';
import { serverModules } from '../../server/src/modules/index.js';
import { assertProblem, STORES } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Every module that publishes open data, with its dataset ids. */
const publishing = serverModules
  .filter((module) => (module.datasets ?? []).length > 0)
  .map((module) => ({ id: module.id, datasets: (module.datasets ?? []).map((dataset) => dataset.id) }));

for (const store of STORES) {
  describe(`open data of a module switched off, on ${store}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ store });
    });
    after(() => server?.close());

    /** The catalogue's dataset identifiers, `opd/dataset`. */
    async function listed(): Promise<Set<string>> {
      const response = await fetch(`${server.url}/api/v1/datasets`);
      assert.equal(response.status, 200);
      const catalogue = (await response.json()) as OpenDataCatalogue;
      return new Set(catalogue['dcat:dataset'].map((dataset) => dataset['dct:identifier']));
    }

    /** Sets the OPD's modules as the regency admin would in the console. */
    async function setModules(opd: string, modules: readonly string[]): Promise<void> {
      const response = await fetch(`${server.url}/api/v1/opds/${opd}/modules`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${server.staffToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ modules }),
      });
      assert.equal(response.status, 200, `PUT /api/v1/opds/${opd}/modules: ${await response.clone().text()}`);
    }

    async function modulesOf(opd: string): Promise<string[]> {
      const opds = (await (await fetch(`${server.url}/api/v1/opds`)).json()) as { data: { slug: string; modules: string[] }[] };
      const found = opds.data.find((candidate) => candidate.slug === opd);
      assert.ok(found, `${opd} is listed`);
      return found.modules;
    }

    it('every module with open data publishes some in the demo, so each case below is tried', async () => {
      const identifiers = await listed();
      for (const module of publishing) {
        assert.ok(
          module.datasets.some((dataset) => [...identifiers].some((identifier) => identifier.endsWith(`/${dataset}`))),
          `${module.id} publishes one of ${module.datasets.join(', ')}`,
        );
      }
    });

    for (const module of publishing) {
      it(`${module.id} off for one OPD: its datasets leave the catalogue, the downloads name the module, the rest stays`, async () => {
        const before = await listed();
        const ofModule = (identifier: string) => module.datasets.includes(identifier.split('/')[1] ?? '');
        // The OPD with the most of this module's datasets; ties by name, so the run is repeatable.
        const counts = new Map<string, number>();
        for (const identifier of [...before].filter(ofModule)) {
          const opd = identifier.split('/')[0]!;
          counts.set(opd, (counts.get(opd) ?? 0) + 1);
        }
        const [opd] = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
        const gone = [...before].filter((identifier) => identifier.startsWith(`${opd}/`) && ofModule(identifier));
        const [first] = gone;
        assert.ok(first, `${opd} publishes a ${module.id} dataset`);
        const firstJson = `${server.url}/api/v1/opds/${opd}/datasets/${first.split('/')[1]}.json`;
        const jsonBefore = await (await fetch(firstJson)).json();

        const modules = await modulesOf(opd);
        await setModules(
          opd,
          modules.filter((name) => name !== module.id),
        );
        try {
          const after = await listed();
          for (const identifier of gone) assert.equal(after.has(identifier), false, `${identifier} is no longer listed`);
          assert.deepEqual(
            [...after].sort(),
            [...before].filter((identifier) => !gone.includes(identifier)).sort(),
            "every other dataset, other OPDs' and the OPD's other modules', is listed as before",
          );
          for (const identifier of gone) {
            const [, dataset] = identifier.split('/');
            for (const suffix of ['csv', 'json']) {
              const response = await fetch(`${server.url}/api/v1/opds/${opd}/datasets/${dataset}.${suffix}`);
              const problem = await assertProblem(response, 404, 'module-disabled');
              assert.match(problem.detail ?? '', new RegExp(`the module ${module.id} is off`), `${identifier}.${suffix} names the module`);
            }
          }
          // Another OPD's dataset of the same module, where there is one, still downloads.
          const other = [...after].find((identifier) => ofModule(identifier));
          if (other) {
            const [otherOpd, dataset] = other.split('/');
            assert.equal((await fetch(`${server.url}/api/v1/opds/${otherOpd}/datasets/${dataset}.csv`)).status, 200, `${other} still downloads`);
          }
        } finally {
          await setModules(opd, modules);
        }

        assert.deepEqual([...(await listed())].sort(), [...before].sort(), 'switched on again, the catalogue is as it was');
        const jsonAfter = await (await fetch(firstJson)).json();
        assert.deepEqual(jsonAfter, jsonBefore, 'with the same rows: the data stayed while the module was off');
      });
    }

    it('an OPD that never had the module, an unknown dataset and an unknown OPD: each its own 404', async () => {
      assert.equal((await modulesOf('bpkad')).includes('perjaka'), false, 'bpkad has Perjaka off in the demo');
      const off = await assertProblem(await fetch(`${server.url}/api/v1/opds/bpkad/datasets/road-conditions.csv`), 404, 'module-disabled');
      assert.match(off.detail ?? '', /the module perjaka is off/);
      await assertProblem(await fetch(`${server.url}/api/v1/opds/bpkad/datasets/no-such-dataset.json`), 404, 'not-found');
      await assertProblem(await fetch(`${server.url}/api/v1/opds/no-such-opd/datasets/road-conditions.json`), 404, 'not-found');
    });
  });
}
