/**
 * The API description: a valid OpenAPI 3.1 document generated from the shared schemas,
 * and a readable HTML reference built from it.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { Hono } from 'hono';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp, type AppEnv } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/schema.js';
import { loadSettings } from '../../server/src/settings.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
};

describe('API description', () => {
  let app: Hono<AppEnv>;
  let doc: Doc;
  let source: string;

  before(async () => {
    // These routes never touch the database: a pool that is never connected is enough.
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
    app = createApp({ db, settings: { ...loadSettings({}), serveDemo: false } });
    const response = await app.request('/openapi.json');
    assert.equal(response.status, 200);
    source = await response.text();
    doc = JSON.parse(source) as Doc;
  });

  it('is a valid OpenAPI 3.1 document with no errors under the recommended rules', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
      [],
    );
    // The only warning allowed: health has no client error to describe (every API route has at least its rate limit's 429).
    const warnings = problems.filter((p) => p.severity === 'warn');
    assert.deepEqual(
      warnings.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`),
      ['operation-4xx-response at #/paths/~1healthz/get/responses'],
    );
  });

  it('lists a 304 and the ETag exactly for the reads that answer If-None-Match', () => {
    const conditional: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const notModified = operation.responses['304'] as { headers?: Record<string, unknown> } | undefined;
        if (!notModified) continue;
        conditional.push(`${method.toUpperCase()} ${path}`);
        assert.ok(notModified.headers?.ETag, `${path}: the 304 carries the tag`);
        assert.ok((operation.responses['200'] as { headers?: Record<string, unknown> }).headers?.ETag, `${path}: so does the 200`);
      }
    }
    assert.deepEqual(conditional.sort(), [
      'GET /api/v1/events/{id}.ics',
      'GET /api/v1/opds',
      'GET /api/v1/opds/{opd}',
      'GET /api/v1/opds/{opd}/events.ics',
    ]);
  });

  it('describes every route of the contract with its parameters and problem responses', () => {
    const expected: Array<[string, string]> = [
      ['/healthz', 'get'],
      ['/api/v1/opds', 'get'],
      ['/api/v1/opds/{opd}', 'get'],
      ['/api/v1/opds/{opd}/consultations', 'post'],
      ['/api/v1/opds/{opd}/consultations', 'get'],
      ['/api/v1/consultations/{trackingCode}', 'get'],
      ['/api/v1/opds/{opd}/consultations/{trackingCode}', 'get'],
      ['/api/v1/opds/{opd}/consultations/{trackingCode}/answer', 'post'],
      ['/api/v1/opds/{opd}/consultations/{trackingCode}/status', 'post'],
    ];
    for (const [path, method] of expected) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);

    const create = doc.paths['/api/v1/opds/{opd}/consultations']!.post!;
    assert.ok(create.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'));
    for (const status of ['201', '413', '422', '429']) assert.ok(create.responses[status], status);
    assert.match(JSON.stringify(create.responses['422']), /application\/problem\+json/);

    const list = doc.paths['/api/v1/opds/{opd}/consultations']!.get!;
    assert.deepEqual(list.security, [{ staffBearer: [] }, { consoleCookie: [] }]);
    assert.equal((list as { 'x-access'?: string })['x-access'], 'staff');
    assert.ok(list.responses['401'] && list.responses['403'], 'a staff list can refuse sign-in and role');
    for (const name of ['status', 'overdue', 'category', 'q', 'limit', 'cursor']) {
      assert.ok(list.parameters?.some((p) => p.name === name && p.in === 'query'), name);
    }
    const schemes = doc.components.securitySchemes as Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
    assert.equal(schemes.staffBearer?.scheme, 'bearer');
    assert.deepEqual([schemes.consoleCookie?.in, schemes.consoleCookie?.name], ['cookie', 'opd_session']);
    assert.deepEqual(doc.paths["/api/v1/consultations/{trackingCode}"]!.get!.security, [], "tracking is public");
  });

  it('takes its shapes from the shared schemas: the public view has no personal fields', () => {
    const view = doc.components.schemas.ConsultationPublic as { properties: Record<string, unknown> };
    for (const field of ['trackingCode', 'status', 'timeline', 'answer', 'dueAt', 'overdue']) assert.ok(field in view.properties, field);
    for (const field of ['name', 'email', 'phone', 'subject', 'message']) assert.ok(!(field in view.properties), field);
    const create = doc.components.schemas.ConsultationCreate as { required: string[] };
    assert.deepEqual([...create.required].sort(), ['category', 'consent', 'message', 'name', 'subject']);
  });

  it('renders a readable HTML reference without scripts', async () => {
    const response = await app.request('/docs');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:\/\/(?!localhost)[^"' ]+\.(js|css)/, 'no CDN assets');
    assert.match(html, /<h1>opd-kit API/);
    assert.match(html, /Ask a question/);
    assert.match(html, /\/api\/v1\/opds\/\{opd\}\/consultations\/\{trackingCode\}\/answer/);
    assert.match(html, /Idempotency-Key/);
    assert.match(html, /id="schema-ConsultationCreate"/);
    const css = await app.request('/docs/docs.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
  });
});
