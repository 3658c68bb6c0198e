/**
 * The guides' own code blocks, for the tests that follow them (`test/e2e/guides.test.ts`,
 * `test/e2e/guide-sdk.test.ts`). A block a test runs is named by the second word of its
 * fence's info string, which Markdown renderers ignore: ```` ```html embed ````.
 *
 * The WordPress rules a snippet goes through are ported here at the edge, as far as they touch
 * an embed: {@link wpautop} (WordPress 6.x `wp-includes/formatting.php`) and {@link ksesPost}
 * (what `wp_kses_post` keeps for a user without `unfiltered_html`).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fenced code block: its language, its name (or ''), and its text without the fences. */
export interface CodeBlock {
  lang: string;
  name: string;
  code: string;
}

/** Every fenced block of the Markdown file at `path` (repo-relative), in order. */
export function codeBlocks(path: string): CodeBlock[] {
  const text = readFileSync(join(process.cwd(), path), 'utf8');
  return [...text.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```$/gm)].map((match) => {
    const [lang = '', name = ''] = (match[1] ?? '').trim().split(/\s+/);
    return { lang, name, code: match[2] ?? '' };
  });
}

/** The one block of `path` named `name` (throws when there is none or several). */
export function namedBlock(path: string, name: string): CodeBlock {
  const found = codeBlocks(path).filter((block) => block.name === name);
  if (found.length !== 1) throw new Error(`${path} should have one block named "${name}", has ${found.length}`);
  return found[0]!;
}

/** Replaces each key of `addresses` by its value in `text` (a guide's example addresses by the test's). */
export function withAddresses(text: string, addresses: Readonly<Record<string, string>>): string {
  let result = text;
  for (const [from, to] of Object.entries(addresses)) result = result.replaceAll(from, to);
  return result;
}

/** WordPress's block-level tags, as `wpautop` lists them. */
const ALL_BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';

/**
 * WordPress's `wpautop($text, true)`: double line breaks become paragraphs, single ones
 * `<br />`, block-level tags are left unwrapped, newlines inside tags are kept. The parts
 * for `<pre>`, `<option>`, `<object>`, media and `<figcaption>` are left out (no snippet has them).
 */
export function wpautop(input: string): string {
  if (input.trim() === '') return '';
  let text = `${input}\n`;
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/g, '\n\n');
  text = text.replace(new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, 'g'), '\n\n$1');
  text = text.replace(new RegExp(`(</${ALL_BLOCKS}>)`, 'g'), '$1\n\n');
  text = text.replace(/(<hr\s*?\/?>)/g, '$1\n\n');
  text = text.replace(/\r\n|\r/g, '\n');
  // wp_replace_in_html_tags($text, ["\n" => ' <!-- wpnl --> ']): newlines inside a tag are kept.
  text = text.replace(/<[^>]*>/g, (tag) => tag.replaceAll('\n', ' <!-- wpnl --> '));
  text = text.replace(/\n\n+/g, '\n\n');
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph !== '');
  text = paragraphs.map((paragraph) => `<p>${paragraph.replace(/^\n+|\n+$/g, '')}</p>\n`).join('');
  text = text.replace(/<p>\s*<\/p>/g, '');
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>');
  text = text.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, 'g'), '$1');
  text = text.replace(/<p>(<li.+?)<\/p>/g, '$1');
  text = text.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>').replaceAll('</blockquote></p>', '</p></blockquote>');
  text = text.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)`, 'g'), '$1');
  text = text.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, 'g'), '$1');
  text = text.replace(/<br>|<br\/>/g, '<br />');
  text = text.replace(/(?<!<br \/>)\s*\n/g, '<br />\n');
  text = text.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*<br />`, 'g'), '$1');
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, '$1');
  text = text.replace(/\n<\/p>$/, '</p>');
  return text.replace(/ <!-- wpnl --> |<!-- wpnl -->/g, '\n');
}

/** Tags `wp_kses_post` keeps, with their attributes: the few an embed meets (`$allowedposttags`). */
const POST_TAGS: Readonly<Record<string, readonly string[]>> = {
  p: ['class', 'id', 'style', 'align', 'dir', 'lang'],
  br: [],
  div: ['class', 'id', 'style', 'align', 'dir', 'lang'],
  span: ['class', 'id', 'style', 'dir', 'lang'],
  a: ['href', 'title', 'rel', 'target', 'class', 'id'],
  h1: ['class', 'id', 'style'],
  h2: ['class', 'id', 'style'],
};

/**
 * What `wp_kses_post` leaves of `html` for a user without `unfiltered_html`: a tag WordPress does
 * not allow is removed (its text stays), an attribute it does not allow is dropped. `extra` is
 * what a `wp_kses_allowed_html` filter adds, tag → attribute names.
 */
export function ksesPost(html: string, extra: Readonly<Record<string, readonly string[]>> = {}): string {
  const allowed: Record<string, readonly string[]> = { ...POST_TAGS, ...extra };
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g, (_tag, slash: string, name: string, rest: string) => {
    const attributes = allowed[name.toLowerCase()];
    if (!attributes) return '';
    if (slash) return `</${name}>`;
    const kept = [...rest.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)]
      .filter((match) => attributes.includes((match[1] ?? '').toLowerCase()))
      .map((match) => (match[2] === undefined ? ` ${match[1]}` : ` ${match[1]}=${match[2]}`))
      .join('');
    return `<${name}${kept}${/\/\s*$/.test(rest) ? ' /' : ''}>`;
  });
}
