/**
 * The SDK namespace a console page calls through, kept for the OPD the console works on: built
 * again over the session's sender when the OPD or the signed-in session changes, and the page
 * told which of the two it was (another OPD's data must be forgotten; a new session on the same
 * OPD keeps what was typed).
 *
 * @module
 */
import type { ConsoleContext, RequestSender } from '../page.js';

/** What changed when {@link OpdNamespace.follow} built the namespace again. */
export interface OpdNamespaceChange {
  /** The OPD's slug now, `''` when the console has none (a regency admin yet to pick one). */
  opd: string;
  /** `true` when only the session changed (the same OPD, signed in again). */
  sameOpd: boolean;
}

/**
 * A page's SDK namespace for the console context's OPD. Call {@link follow} from the page's
 * `willUpdate` when `context` changed, before following the route, so the route's loads go
 * through the namespace of the OPD now shown:
 *
 * ```ts
 * readonly #roads = new OpdNamespace(roads, ({ opd, sameOpd }) => {
 *   if (!sameOpd) this.resetForOpd();
 *   if (opd) void this.loadSegments();
 * });
 * protected override willUpdate(changed: PropertyValues<this>): void {
 *   if (!changed.has('context') || !this.context) return;
 *   this.#roads.follow(this.context);
 *   this.followRoute(this.context.route);
 * }
 * ```
 *
 * (A plain helper, not a ReactiveController: a controller's `hostUpdate` runs after the page's
 * `willUpdate`, too late for the route the page follows there.)
 */
export class OpdNamespace<N> {
  #opd = '';
  #session: unknown;
  #api: N | null = null;

  /**
   * @param make - the SDK's namespace factory, e.g. `roads` or `agenda`.
   * @param onChange - called once the namespace is built again, with the OPD now and whether it is the one before.
   */
  constructor(
    private readonly make: (sender: RequestSender, options: { opd: string }) => N,
    private readonly onChange: (change: OpdNamespaceChange) => void,
  ) {}

  /** The namespace for the OPD, `null` while the console has no OPD. */
  get api(): N | null {
    return this.#api;
  }

  /** The OPD's slug the namespace calls for, `''` when none. */
  get opd(): string {
    return this.#opd;
  }

  /** Builds the namespace again when the context's OPD or session is not the one before, then calls `onChange`; `true` when it did. */
  follow(context: ConsoleContext): boolean {
    const opd = context.opd?.slug ?? '';
    if (opd === this.#opd && context.session === this.#session) return false;
    const sameOpd = opd === this.#opd;
    this.#opd = opd;
    this.#session = context.session;
    this.#api = opd ? this.make(context.session.sender, { opd }) : null;
    this.onChange({ opd, sameOpd });
    return true;
  }
}
