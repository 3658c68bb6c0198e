/**
 * One version names the package, the backend and the API (CHANGELOG.md): package.json,
 * server/package.json and the OpenAPI document's info.version are equal, the version is
 * semver, and the changelog has a section for it with a date.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildOpenApiDocument } from '../../server/src/openapi/document.js';
import { serverModules } from '../../server/src/modules/index.js';
import { problemRegistry } from '../../server/src/http/problem.js';

const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;

describe('the version', () => {
  it('is one semver for the package, the backend, the lock file and the OpenAPI document', () => {
    const root = version('package.json');
    assert.match(root, /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'semver');
    assert.equal(version('server/package.json'), root, 'server/package.json');
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { version: string; packages: Record<string, { version?: string }> };
    assert.equal(lock.version, root, 'package-lock.json');
    assert.equal(lock.packages.server?.version, root, 'the server workspace in the lock file');
    const document = buildOpenApiDocument(serverModules, problemRegistry(serverModules)) as { info: { version: string } };
    assert.equal(document.info.version, root, 'the OpenAPI document');
  });

  it('has its section in CHANGELOG.md, dated, under an Unreleased section', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const root = version('package.json');
    assert.match(changelog, /^## \[Unreleased\]$/m);
    assert.match(changelog, new RegExp(`^## \\[${root.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'), `a section for ${root}`);
  });
});
