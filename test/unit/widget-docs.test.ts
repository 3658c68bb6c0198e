import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error -- a plain .mjs script without types
import { staleWidgetDocs } from '../../scripts/widget-docs.mjs';

describe('the widget reference in docs/widgets/', () => {
  it('matches the widgets\' doc comments (run `npm run docs` after changing them)', async () => {
    const stale = (await staleWidgetDocs()) as string[];
    assert.deepEqual(stale, [], `out of date: ${stale.join(', ')}`);
  });

  it('has a page for every tag the CDN loader defines, with its attributes and parts', () => {
    const index = readFileSync('docs/widgets/README.md', 'utf8');
    // The loader is a browser module: read its tags from its source.
    const loader = readFileSync('widgets/loader.ts', 'utf8').split('const WIDGETS')[1]!.split('};')[0]!;
    const tags = [...loader.matchAll(/'(opd-[a-z-]+)':/g)].map((match) => match[1]!);
    assert.ok(tags.length >= 14, `the loader's tags (${tags.length})`);
    for (const tag of tags) {
      assert.ok(index.includes(`(${tag}.md)`), `${tag} is in the index`);
      const page = readFileSync(`docs/widgets/${tag}.md`, 'utf8');
      assert.match(page, /## Attributes/, `${tag}: attributes`);
      assert.match(page, /\| `base` \|/, `${tag}: its base part`);
    }
  });
});
