/**
 * `/docs`: a plain HTML API reference rendered on the server from the OpenAPI document.
 * No script, no CDN: it reads in any browser, prints well and passes a strict CSP.
 *
 * @module
 */
import type { JsonObject } from './builder.js';

/** The stylesheet of the docs page, served at `/docs/docs.css`. */
export const DOCS_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
.layout { display: grid; grid-template-columns: 17em minmax(0, 1fr); min-height: 100vh; }
nav { border-right: 1px solid var(--line); padding: 1.25em; background: var(--bg-soft); position: sticky; top: 0; height: 100vh; overflow: auto; font-size: 0.9em; }
nav ul { list-style: none; padding: 0; margin: 0 0 1em; }
nav li { margin: 0.2em 0; }
nav .nav-heading { font-size: 1em; border: 0; margin: 1em 0 0.3em; color: var(--muted); }
h1 .version { font-size: 0.5em; }
nav a { color: var(--ink); text-decoration: none; }
nav a:hover, nav a:focus { text-decoration: underline; }
main { padding: 1.5em 2.5em 4em; max-width: 64em; }
h1 { margin-top: 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.3em; margin-top: 2em; }
h3 { margin-top: 2em; font-size: 1.1em; } h4 { margin: 1.2em 0 0.4em; font-size: 0.95em; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-soft); padding: 0.1em 0.3em; border-radius: 4px; }
.method { display: inline-block; min-width: 3.6em; text-align: center; font: bold 0.8em ui-monospace, monospace; padding: 0.2em 0.4em; border-radius: 4px; color: #fff; background: #1a7f37; margin-right: 0.4em; }
.method-post { background: var(--accent); }
.method-put, .method-patch { background: #8250df; }
.method-delete { background: #cf222e; }
.badge { display: inline-block; font-size: 0.8em; border: 1px solid var(--line); border-radius: 999px; padding: 0.05em 0.6em; color: var(--muted); margin-left: 0.4em; }
/* A table fits the column on a phone: long tokens (paths, patterns, media types) break anywhere;
   the box scrolls sideways by itself, never the page, should anything still not fit. */
.table-wrap { max-width: 100%; overflow-x: auto; margin: 0.3em 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; margin: 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 0.4em 0.6em; overflow-wrap: break-word; }
th { background: var(--bg-soft); font-weight: 600; }
a { color: var(--accent); }
.muted { color: var(--muted); }
@media (max-width: 50em) { .layout { display: block; } nav { position: static; height: auto; border-right: 0; border-bottom: 1px solid var(--line); } main { padding: 1em; } }
@media (max-width: 64em) { td, td code, td a, h3, h3 code, p code { overflow-wrap: anywhere; } }
@media (max-width: 30em) { main { padding: 1em 0.75em; } table { font-size: 0.85em; } th, td { padding: 0.35em 0.25em; } }
`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
  op: JsonObject;
}

/** Renders the API reference page for an OpenAPI document. */
export function renderDocsPage(doc: JsonObject): string {
  const info = (doc.info ?? {}) as JsonObject;
  const components = ((doc.components ?? {}) as JsonObject).schemas as Record<string, JsonObject> | undefined;
  const tags = (doc.tags ?? []) as Array<{ name: string; description?: string }>;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (op) operations.push({ method, path, op });
    }
  }
  const byTag = (tag: string) => operations.filter(({ op }) => ((op.tags ?? []) as string[]).includes(tag));

  const nav = tags
    .map(
      (tag) =>
        `<h2 class="nav-heading">${esc(tag.name)}</h2><ul>${byTag(tag.name)
          .map(({ op }) => `<li><a href="#${esc(String(op.operationId))}">${esc(String(op.summary ?? op.operationId))}</a></li>`)
          .join('')}</ul>`,
    )
    .join('');
  const schemaNav = `<h2 class="nav-heading">Schemas</h2><ul>${Object.keys(components ?? {})
    .map((name) => `<li><a href="#schema-${esc(name)}">${esc(name)}</a></li>`)
    .join('')}</ul>`;

  const sections = tags
    .map(
      (tag) =>
        `<section><h2 id="tag-${esc(tag.name)}">${esc(tag.name)}</h2>${tag.description ? `<p>${inline(tag.description)}</p>` : ''}${byTag(tag.name)
          .map(renderOperation)
          .join('')}</section>`,
    )
    .join('');
  const schemaSections = Object.entries(components ?? {})
    .map(
      ([name, schema]) =>
        `<section><h3 id="schema-${esc(name)}">${esc(name)}</h3>${schema.description ? `<p>${inline(String(schema.description))}</p>` : ''}${fieldsTable(schema)}</section>`,
    )
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(String(info.title ?? 'API'))} reference</title>
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<div class="layout">
<nav aria-label="API sections"><p><strong>${esc(String(info.title ?? 'API'))}</strong> <span class="muted">${esc(String(info.version ?? ''))}</span></p>${nav}${schemaNav}<p><a href="/openapi.json">openapi.json</a></p></nav>
<main>
<h1>${esc(String(info.title ?? 'API'))} <span class="muted version">${esc(String(info.version ?? ''))}</span></h1>
${info.description ? `<p>${inline(String(info.description))}</p>` : ''}
<p>Machine-readable: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1).</p>
${sections}
<h2 id="schemas">Schemas</h2>
${schemaSections}
</main>
</div>
</body>
</html>
`;
}

function renderOperation({ method, path, op }: Operation): string {
  const id = String(op.operationId);
  const secured = Array.isArray(op.security) && op.security.length > 0;
  const params = (op.parameters ?? []) as JsonObject[];
  const body = op.requestBody as JsonObject | undefined;
  const responses = (op.responses ?? {}) as Record<string, JsonObject>;

  let html = `<article><h3 id="${esc(id)}"><span class="method method-${method}">${method.toUpperCase()}</span><code>${esc(path)}</code>${
    secured ? '<span class="badge">staff token</span>' : ''
  }</h3>`;
  html += `<p><strong>${esc(String(op.summary ?? ''))}</strong>${op.description ? ` — ${inline(String(op.description))}` : ''}</p>`;
  if (params.length > 0) {
    html += '<h4>Parameters</h4><div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>';
    for (const p of params) {
      html += `<tr><td><code>${esc(String(p.name))}</code>${p.required ? ' <span class="muted">required</span>' : ''}</td><td>${esc(String(p.in))}</td><td>${[typeOf((p.schema ?? {}) as JsonObject), constraints((p.schema ?? {}) as JsonObject)].filter(Boolean).join('<br>')}</td><td>${p.description ? inline(String(p.description)) : ''}</td></tr>`;
    }
    html += '</tbody></table></div>';
  }
  if (body) {
    const content = (body.content ?? {}) as Record<string, JsonObject>;
    html += '<h4>Request body</h4>';
    for (const [type, media] of Object.entries(content)) {
      html += `<p><code>${esc(type)}</code>: ${typeOf((media.schema ?? {}) as JsonObject)}</p>`;
    }
  }
  html += '<h4>Responses</h4><div class="table-wrap"><table><thead><tr><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Body</th></tr></thead><tbody>';
  for (const [status, response] of Object.entries(responses)) {
    const content = (response.content ?? {}) as Record<string, JsonObject>;
    const bodies = Object.entries(content)
      .map(([type, media]) => `<code>${esc(type)}</code> ${typeOf((media.schema ?? {}) as JsonObject)}`)
      .join('<br>');
    const headerNames = Object.keys((response.headers ?? {}) as JsonObject);
    html += `<tr><td><code>${esc(status)}</code></td><td>${inline(String(response.description ?? ''))}${
      headerNames.length > 0 ? `<br><span class="muted">Headers: ${headerNames.map((h) => `<code>${esc(h)}</code>`).join(', ')}</span>` : ''
    }</td><td>${bodies}</td></tr>`;
  }
  html += '</tbody></table></div></article>';
  return html;
}

function fieldsTable(schema: JsonObject): string {
  const rows: string[] = [];
  collectFields(schema, '', rows, 0);
  if (rows.length === 0) return `<p>${typeOf(schema)}</p>`;
  return `<div class="table-wrap"><table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Notes</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function collectFields(schema: JsonObject, prefix: string, rows: string[], depth: number): void {
  const properties = schema.properties as Record<string, JsonObject> | undefined;
  if (!properties || depth > 3) return;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, property] of Object.entries(properties)) {
    const path = `${prefix}${name}`;
    rows.push(
      `<tr><td><code>${esc(path)}</code>${required.has(name) ? ' <span class="muted">required</span>' : ''}</td><td>${typeOf(property)}</td><td>${[
        property.description ? inline(String(property.description)) : '',
        constraints(property),
      ]
        .filter(Boolean)
        .join(' ')}</td></tr>`,
    );
    const inner = objectOf(property);
    if (inner) collectFields(inner, `${path}${isArray(property) ? '[]' : ''}.`, rows, depth + 1);
  }
}

function isArray(schema: JsonObject): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}

function objectOf(schema: JsonObject): JsonObject | undefined {
  if (schema.properties) return schema;
  if (isArray(schema) && schema.items && (schema.items as JsonObject).properties) return schema.items as JsonObject;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as JsonObject[] | undefined;
    const found = options?.find((o) => o.properties);
    if (found) return found;
  }
  return undefined;
}

function typeOf(schema: JsonObject): string {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').at(-1) ?? '';
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => `<code>${esc(String(v))}</code>`).join(', ')}`;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as JsonObject[] | undefined;
    if (options) return options.map(typeOf).join(' or ');
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
  return (
    types
      .map((type) => {
        if (type === 'array') return `array of ${typeOf((schema.items ?? {}) as JsonObject)}`;
        if (type === 'string' && schema.format) return `string (${esc(String(schema.format))})`;
        return esc(type);
      })
      .join(' or ') || 'any'
  );
}

function constraints(schema: JsonObject): string {
  const notes: string[] = [];
  if (schema.minLength !== undefined) notes.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`≤ ${schema.maximum}`);
  if (schema.pattern !== undefined && schema.format === undefined) notes.push(`pattern <code>${esc(String(schema.pattern))}</code>`);
  return notes.length > 0 ? `<span class="muted">${notes.join(', ')}</span>` : '';
}

/** Escapes text for HTML. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Escapes text and renders `code` spans. */
function inline(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
