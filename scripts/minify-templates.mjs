/**
 * The build's Rollup plugin that minifies Lit's `html` and `css` templates in opd-kit's own
 * widget sources (rollup.config.mjs uses it for the npm and CDN builds; bench/lib/sizes.ts for
 * the bench's bundles, so the bench measures what ships).
 *
 * @module
 */

/**
 * Lit's `html` and `css` templates as the browser needs them (the `minifyTemplates()` plugin of
 * both builds). Terser leaves a template literal's text as written, so the indentation of every
 * `html` template and the spaces of every `css` one shipped as they are. Here, in the static
 * parts of each template tagged `html` or `css` (imported from `lit`) and in nothing else:
 *
 * - `html`: a run of whitespace holding a line break becomes one space. HTML renders such a
 *   run as one space anyway (outside `white-space: pre*`, whose elements here hold only a
 *   binding, never template whitespace), so the DOM keeps every text node and the page looks
 *   the same; attributes, text and bindings are untouched.
 * - `css`: comments go, whitespace runs become one space, and the spaces around `{`, `}`, `;`,
 *   `,` and after `:` go (never before a `:`, where a space is a descendant combinator), and
 *   `0.5` is written `.5`; never inside quotes; a template with `${…}` in it only has its
 *   whitespace runs shortened.
 *
 * A source map of the change goes with it, so the build's maps still point at the source.
 */
export function minifyTemplates() {
  const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const vlq = (/** @type {number} */ value) => {
    let rest = value < 0 ? (-value << 1) | 1 : value << 1;
    let out = '';
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      out += VLQ[digit];
    } while (rest > 0);
    return out;
  };
  const minifyHtml = (/** @type {string} */ text) => text.replace(/\s*\n\s*/g, ' ');
  const minifyCss = (/** @type {string} */ text, /** @type {boolean} */ whole) => {
    const short = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
    if (!whole) return short;
    return short
      .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)
      .map((part, index) =>
        index % 2 === 1
          ? part
          : part
              .replace(/\s*([{};,])\s*/g, '$1')
              .replace(/:\s+/g, ':')
              .replace(/\s+!important/g, '!important')
              .replace(/(^|[\s:,(])0\.(\d)/g, '$1.$2'),
      )
      .join('')
      .replace(/;}/g, '}')
      .trim();
  };
  return /** @type {import('rollup').Plugin} */ ({
    name: 'opd-minify-templates',
    transform(code, id) {
      if (!/[\\/]widgets[\\/].*\.ts$/.test(id) || !/from\s*["']lit["']/.test(code)) return null;
      const tags = new Set();
      for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']lit["']/g)) {
        for (const name of (match[1] ?? '').split(',').map((item) => item.trim())) if (name === 'html' || name === 'css') tags.add(name);
      }
      if (tags.size === 0) return null;
      /** @type {{ start: number, end: number, text: string }[]} */
      const edits = [];
      const visit = (/** @type {any} */ node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
          const quasis = node.quasi.quasis;
          for (const quasi of quasis) {
            const raw = code.slice(quasi.start, quasi.end);
            if (raw !== quasi.value.raw) throw new Error(`minifyTemplates: unexpected template position in ${id}`);
            const text = node.tag.name === 'html' ? minifyHtml(raw) : minifyCss(raw, quasis.length === 1);
            if (text !== raw) edits.push({ start: quasi.start, end: quasi.end, text });
          }
        }
        for (const key of Object.keys(node)) {
          const value = node[key];
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object' && key !== 'loc') visit(value);
        }
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      edits.sort((a, b) => a.start - b.start);
      // The new code, and a map with a segment at each token of the code kept and at each template part.
      let out = '';
      /** @type {[number, number][]} */
      const points = []; // [output offset, input offset]
      let from = 0;
      const keep = (/** @type {number} */ end) => {
        for (const match of code.slice(from, end).matchAll(/[\w$]+|[^\w$\s]/g)) points.push([out.length + (match.index ?? 0), from + (match.index ?? 0)]);
        out += code.slice(from, end);
      };
      for (const edit of edits) {
        keep(edit.start);
        points.push([out.length, edit.start]);
        out += edit.text;
        from = edit.end;
      }
      keep(code.length);
      const lineStarts = [0];
      for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
      const position = (/** @type {number} */ offset) => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if ((lineStarts[mid] ?? 0) <= offset) low = mid;
          else high = mid - 1;
        }
        return [low, offset - (lineStarts[low] ?? 0)];
      };
      const lines = [];
      let segments = [];
      let lineStart = 0;
      let previous = { column: 0, line: 0, sourceColumn: 0 };
      let next = 0;
      for (let i = 0; i <= out.length; i++) {
        while (next < points.length && (points[next]?.[0] ?? 0) === i) {
          const [sourceLine, sourceColumn] = position(points[next]?.[1] ?? 0);
          const column = i - lineStart;
          segments.push(vlq(column - previous.column) + vlq(0) + vlq(sourceLine - previous.line) + vlq(sourceColumn - previous.sourceColumn));
          previous = { column, line: sourceLine, sourceColumn };
          next++;
        }
        if (out[i] === '\n') {
          lines.push(segments.join(','));
          segments = [];
          lineStart = i + 1;
          previous.column = 0;
        }
      }
      lines.push(segments.join(','));
      return { code: out, map: { version: 3, sources: [id], names: [], mappings: lines.join(';') } };
    },
  });
}
