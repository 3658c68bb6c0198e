/**
 * Cursor pagination behind `for await`.
 *
 * @module
 */
import type { ListPage } from './schemas/common.js';

/** The default cap on how many items one iteration yields, so a loop cannot run away. */
export const DEFAULT_ITEM_CAP = 10_000;

/**
 * A list that pages itself: iterate with `for await`, or take one page or all of it.
 *
 * ```ts
 * for await (const c of client.consultations.list({ status: 'received' })) console.log(c.trackingCode);
 * ```
 */
export interface Paginated<T> extends AsyncIterable<T> {
  /** The first page only, with its `nextCursor`. */
  firstPage(): Promise<ListPage<T>>;
  /** Every item, up to `max` (default {@link DEFAULT_ITEM_CAP}). */
  toArray(options?: { max?: number }): Promise<T[]>;
}

/** Builds a {@link Paginated} from a function that fetches one page by cursor. */
export function paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>,
  cap: number = DEFAULT_ITEM_CAP,
): Paginated<T> {
  async function* items(max: number): AsyncGenerator<T> {
    let cursor: string | undefined;
    let yielded = 0;
    do {
      const page = await fetchPage(cursor);
      for (const item of page.data) {
        if (yielded >= max) return;
        yield item;
        yielded++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return {
    [Symbol.asyncIterator]: () => items(cap),
    firstPage: () => fetchPage(undefined),
    async toArray(options) {
      const all: T[] = [];
      for await (const item of items(options?.max ?? cap)) all.push(item);
      return all;
    },
  };
}
