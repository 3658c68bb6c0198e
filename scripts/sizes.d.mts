/** Types of the parts of `scripts/sizes.mjs` the benchmark imports. */

/** What a page downloads from the CDN build, see `measurePage` in sizes.mjs. */
export interface PageFiles {
  /** The files fetched, relative to `distDir` (`cdn/opd-kit.js`, `cdn/shared-….js`, …). */
  files: string[];
  min: number;
  gzip: number;
}

/** The files a page with `widgets` (folder names, e.g. `consultation-form`) loads from `distDir/cdn`. */
export function measurePage(widgets: readonly string[], distDir?: string): PageFiles | undefined;
