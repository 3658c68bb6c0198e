/** Types of the parts of `scripts/sizes.mjs` the benchmark imports. */

/** Bytes in a KB (1024), as sizes.mjs prints and the budgets count. */
export const KB: number;

/** Where the size budgets are: `bench/budgets.json`. */
export const BUDGETS_FILE: string;

/** What a page downloads from the CDN build, see `measurePage` in sizes.mjs. */
export interface PageFiles {
  /** The files fetched, relative to `distDir` (`cdn/opd-kit.js`, `cdn/shared-….js`, …). */
  files: string[];
  min: number;
  gzip: number;
}

/** One row of `measureSizes`: an npm entry or a CDN page. */
export interface SizeRow extends PageFiles {
  /** `dist/index.js`, `dist/cdn/opd-kit.js + <opd-consultation-form>`, … */
  entry: string;
  /** For CDN pages: the tags on the page. */
  page?: string[];
  /** For console pages: the page opened. */
  consolePage?: string;
  lazy: PageFiles;
}

/** The files a page with `widgets` (folder names, e.g. `consultation-form`) loads from `distDir/cdn`. */
export function measurePage(widgets: readonly string[], distDir?: string, extra?: readonly string[]): PageFiles | undefined;

/** Every npm entry and CDN page of `distDir`. */
export function measureSizes(distDir?: string): SizeRow[];

/** A size goal of a budget. */
export interface SizeGoal {
  text: string;
  /** Absolute goal, KB (for a ratio goal: the ratio worked out at the peer's size when written). */
  maxKB?: number;
  /** A peer the bench measures (`bench/entries/<peer>.ts`) and the most opd-kit may weigh against it. */
  peer?: string;
  ratio?: number;
}

/** What a budget measures. */
export interface BudgetMeasure {
  entry?: string;
  page?: string[];
  largest?: 'widget-page' | 'console-page';
}

/** One budget of `bench/budgets.json`. */
export interface Budget {
  id: string;
  what: string;
  measure: BudgetMeasure;
  maxKB: number;
  goal?: SizeGoal;
  reason: string;
}

/** One budget checked against dist/. */
export interface BudgetCheck {
  id: string;
  what: string;
  /** The row measured (undefined: not built). */
  label: string | undefined;
  gzip: number | undefined;
  maxKB: number;
  ok: boolean;
  reason: string;
  goal: SizeGoal | undefined;
}

export function readBudgets(file?: string): { about: string[]; budgets: Budget[] };

/** The size a budget's measure names, from the rows of `measureSizes`. */
export function measureBudget(measure: BudgetMeasure, sizes: SizeRow[]): { gzip: number; min: number; label: string } | undefined;

export function checkBudgets(distDir?: string, budgets?: Budget[], sizes?: SizeRow[]): BudgetCheck[];
