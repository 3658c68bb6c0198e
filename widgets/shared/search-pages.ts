/**
 * Searches a catalogue a page at a time for a widget: the first page of a search replaces
 * what is shown, "Muat lebih banyak" adds the next. Keeps what the list shows (loading, the
 * items with the next cursor and the total, or the read error), whether a new search is on its
 * way over results still shown, and how "more" is doing; waits for a pause in typing before
 * searching; and cancels what is on its way when a new search starts or the widget leaves the
 * page. The widget keeps its rendering, its words, its events and where the focus goes.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readError, type ErrorReading } from './error-detail.js';

/** One page of a catalogue as the SDK's search calls give it. */
export interface SearchPage<Item> {
  data: Item[];
  nextCursor: string | null;
  total: number;
}

/** What the list shows: loading the first page, the results so far, or why they could not be read. */
export type SearchResults<Item> =
  | { state: 'loading' }
  | { state: 'ready'; items: Item[]; nextCursor: string | null; total: number }
  | { state: 'failed'; reading: ErrorReading };

/** The "more" button's state: idle, loading the next page, or failed to. */
export type MoreState = 'idle' | 'loading' | 'failed';

/** Options of a {@link SearchPagesController}. */
export interface SearchPagesOptions<Item, Query> {
  /** The search as the API takes it, read when a search or a next page starts. */
  query: () => Query;
  /** Reads one page: the first when the query has no `cursor`. */
  fetchPage: (query: Query | (Query & { cursor: string }), signal: AbortSignal) => Promise<SearchPage<Item>>;
  /** What makes an item the same as one already shown (a next page may repeat one when the catalogue changed). */
  key: (item: Item) => unknown;
  /** The first page of a search is shown. */
  loaded: (page: SearchPage<Item>, query: Query) => void;
  /**
   * A page could not be read: the first page of a search (`more` false; the results now say
   * why) or the next one (`more` true; the results shown stay).
   */
  failed: (error: unknown, more: boolean) => void;
  /** A next page was added: `added` are the items it brought that were not shown yet. */
  moreAdded: (added: Item[], items: Item[], total: number, query: Query) => void;
}

/** How long typing must pause before {@link SearchPagesController.searchSoon} searches (ms). */
export const TYPING_PAUSE_MS = 350;

/** Pages through a search for its host; see the module comment. */
export class SearchPagesController<Item, Query> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SearchPagesOptions<Item, Query>;
  /** What the list shows (the host reads it; the controller changes it). */
  results: SearchResults<Item> = { state: 'loading' };
  /** A new search is on its way (or waits for typing to pause) while the last results stay on screen. */
  searching = false;
  /** How the next page is doing. */
  more: MoreState = 'idle';
  #abort: AbortController | undefined;
  #moreAbort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Adds itself to `host`; `options` say how to read a page and what to do once it is read. */
  constructor(host: ReactiveControllerHost, options: SearchPagesOptions<Item, Query>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Out of the page: cancels what is on its way; a search under way stays marked, for the host to redo on return. */
  hostDisconnected(): void {
    this.#cancel();
    if (this.more === 'loading') {
      this.more = 'idle';
      this.#host.requestUpdate();
    }
  }

  /** Searches now with the host's current query: the first page, replacing what is shown. */
  async search(): Promise<void> {
    this.#cancel();
    this.more = 'idle';
    const { signal } = (this.#abort = new AbortController());
    const query = this.#options.query();
    if (this.results.state === 'ready') this.searching = true;
    else this.results = { state: 'loading' };
    this.#host.requestUpdate();
    try {
      const page = await this.#options.fetchPage(query, signal);
      if (signal.aborted) return;
      this.#show({ state: 'ready', items: page.data, nextCursor: page.nextCursor, total: page.total });
      this.#options.loaded(page, query);
    } catch (error) {
      if (signal.aborted) return;
      this.#show({ state: 'failed', reading: readError(error) });
      this.#options.failed(error, false);
    }
  }

  /**
   * Searches once typing pauses: what is on its way (for other words) is cancelled now, and the
   * results shown are marked as being replaced.
   */
  searchSoon(): void {
    this.#cancel();
    if (this.results.state === 'ready') this.searching = true;
    this.#host.requestUpdate();
    this.#timer = setTimeout(() => void this.search(), TYPING_PAUSE_MS);
  }

  /** Reads the page after the results shown and adds what it brings; nothing when there is none or it is on its way. Bound: a click listener as it is. */
  readonly loadMore = async (): Promise<void> => {
    const shown = this.results;
    if (shown.state !== 'ready' || !shown.nextCursor || this.more === 'loading') return;
    this.#moreAbort?.abort();
    const { signal } = (this.#moreAbort = new AbortController());
    const query = this.#options.query();
    this.more = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await this.#options.fetchPage({ ...query, cursor: shown.nextCursor }, signal);
      if (signal.aborted || this.results !== shown) return;
      const key = this.#options.key;
      const seen = new Set(shown.items.map(key));
      const added = page.data.filter((item) => !seen.has(key(item)));
      const items = [...shown.items, ...added];
      this.more = 'idle';
      this.#show({ state: 'ready', items, nextCursor: page.nextCursor, total: page.total });
      this.#options.moreAdded(added, items, page.total, query);
    } catch (error) {
      if (signal.aborted) return;
      this.more = 'failed';
      this.#host.requestUpdate();
      this.#options.failed(error, true);
    }
  };

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#moreAbort?.abort();
  }

  /** Shows what was read: the search, if one was on its way, is over. */
  #show(results: SearchResults<Item>): void {
    this.results = results;
    this.searching = false;
    this.#host.requestUpdate();
  }
}
