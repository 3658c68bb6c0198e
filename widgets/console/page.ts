/**
 * What a console page is, and what the shell gives it. A module adds its staff pages as one
 * folder each (`widgets/consultation-inbox/` for SIAP): a small descriptor ({@link ConsolePage})
 * that the shell lists in `pages.ts`, and an element that extends {@link ConsolePageElement}
 * and is loaded only when its page is first opened.
 *
 * ```ts
 * // widgets/road-reports/console-page.ts
 * export const roadReportsPage: ConsolePage = {
 *   id: 'perjaka/reports',                      // → #/perjaka/reports
 *   title: { id: 'Laporan jalan', en: 'Road reports' },
 *   roles: ['regency_admin', 'opd_admin', 'opd_staff'],
 *   scope: 'opd',
 *   module: 'perjaka',
 *   tag: 'opd-road-reports',
 *   load: () => import('./define.js'),
 * };
 * ```
 *
 * @module
 */
import type { PropertyDeclarations } from 'lit';
import type { RequestSender } from '../../src/request.js';
import type { StaffUser } from '../../src/schemas/accounts.js';
import type { StaffRole } from '../../src/schemas/endpoint.js';
import type { ModuleName, OpdSummary } from '../../src/schemas/opds.js';
import type { Lang } from '../shared/localize.js';
import { OpdElement } from '../shared/opd-element.js';
import type { ConsoleSession } from './session.js';

/** A console page as the shell lists it: everything the navigation needs, and how to load the rest. */
export interface ConsolePage {
  /** Its route: `siap/inbox` is opened at `#/siap/inbox` (anything after it is the page's own, see {@link ConsoleContext.route}). */
  readonly id: string;
  /**
   * Its name in the navigation and its heading, per language. Here rather than as a key of the
   * shell's catalog, so a module's page brings its own name and the shell's copy knows no module.
   */
  readonly title: Readonly<Record<Lang, string>>;
  /** The roles that see it; the server still checks every call (`access` of each endpoint). */
  readonly roles: readonly StaffRole[];
  /**
   * `opd`: it works on one OPD at a time (a regency admin picks it in the shell's OPD selector,
   * an OPD's users always work on their own); `regency`: on the whole regency.
   */
  readonly scope: 'opd' | 'regency';
  /** The module the OPD must have on (the page then says it is off instead of loading). */
  readonly module?: ModuleName;
  /** The custom element the page is, defined by what {@link load} imports. */
  readonly tag: string;
  /** Imports the page's code (its own chunk) and defines {@link tag}. */
  readonly load: () => Promise<unknown>;
}

/** What the shell gives the page it shows (the `context` property, set before the page connects). */
export interface ConsoleContext {
  /** Who is signed in. */
  readonly user: StaffUser;
  /** The session: `session.call(endpoint, { … })` calls the API signed in; `session.sender` for SDK namespaces. */
  readonly session: ConsoleSession;
  /** The OPD the page works on (scope `opd`), or `null` (scope `regency`, or none to pick). */
  readonly opd: OpdSummary | null;
  /** Every OPD the user may pick (a regency admin: all of them; anyone else: their own). */
  readonly opds: readonly OpdSummary[];
  /** The page's own part of the route: `#/siap/inbox/SIAP-7K3F-9QX2` gives `['SIAP-7K3F-9QX2']`. */
  readonly route: readonly string[];
  /**
   * Goes to another route, e.g. `opd` or `siap/inbox/SIAP-7K3F-9QX2`, keeping the OPD (or
   * naming another: `{ opd: 'bpkad' }`). Focus moves to the page title, unless `keepFocus`
   * (a move within the page, which then places focus itself).
   */
  navigate(route: string, options?: { opd?: string; replace?: boolean; keepFocus?: boolean }): void;
  /** Reads the OPD list again (after an OPD was added, renamed or had modules switched). */
  refreshOpds(): Promise<void>;
  /** Says `message` in the shell's polite live region (e.g. "2 pertanyaan baru"). */
  announce(message: string): void;
}

/** A sender's type, for pages that build an SDK namespace over the session (`consultations(session.sender, …)`). */
export type { RequestSender };

/**
 * Base of every console page element: the shell sets {@link context} (and `lang`, `api`)
 * before connecting it, and again whenever the route, the OPD or the user changes; a page
 * re-renders then. A page is kept while the console lives, so switching pages keeps what
 * a staff member typed.
 */
export class ConsolePageElement extends OpdElement {
  static override properties: PropertyDeclarations = {
    context: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** What the shell gives the page; `undefined` outside a console. */
  context: ConsoleContext | undefined;

  /** The level of the page's own headings (the shell's page title is one above). */
  headingLevel = 2;

  /** {@link headingLevel} kept within 1–5 (sub-headings are one deeper). */
  protected get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }
}
