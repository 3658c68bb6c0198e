/**
 * The CDN entry, built as `dist/cdn/opd-kit.js`: a small loader that registers each opd-kit
 * widget only when its tag is on the page. One script tag is still the whole embed:
 *
 * ```html
 * <script type="module" src="https://layanan.example-kab.go.id/cdn/opd-kit.js"></script>
 * <opd-consultation-form api="https://layanan.example-kab.go.id" opd="bpkad"></opd-consultation-form>
 * ```
 *
 * It looks for the tags of {@link WIDGETS} in the document when it runs and, through a
 * `MutationObserver`, in everything added later (by the parser or by script), and imports
 * the chunk that defines each tag the first time one appears (with its English text when that
 * element has `lang="en"`: see {@link ENGLISH}). The chunks sit beside this
 * file and are resolved against its own URL, so the loader works from an OPD's site on
 * another origin; Lit and zod are chunks of their own, shared by the widgets. Tags
 * opd-kit does not know are left alone. No `eval`, no inline script or style: it works
 * under a strict Content-Security-Policy that allows the backend's `/cdn/` as a script source.
 *
 * A page that needs a widget's class waits for it with
 * `await customElements.whenDefined('opd-consultation-form')` (which returns the class).
 * Elements inside your own shadow roots are not seen by the observer; pass such a root to
 * {@link discover}.
 *
 * Bundler users import `opd-kit/widgets/<name>/define` instead (see docs/embedding.md).
 *
 * @module
 */

/**
 * Every opd-kit tag and the chunk that registers it. Adding a widget adds one line here
 * (`npm run build` fails when a `widgets/<name>/define.ts` is missing from this list).
 */
const WIDGETS: Readonly<Record<string, () => Promise<unknown>>> = {
  'opd-consultation-form': () => import('./consultation-form/define.js'),
  'opd-consultation-status': () => import('./consultation-status/define.js'),
  'opd-consultation-inbox': () => import('./consultation-inbox/define.js'),
  'opd-road-summary': () => import('./road-summary/define.js'),
  'opd-road-map': () => import('./road-map/define.js'),
  'opd-agenda-calendar': () => import('./agenda-calendar/define.js'),
  'opd-innovation-progress': () => import('./innovation-progress/define.js'),
  'opd-innovation-list': () => import('./innovation-list/define.js'),
  'opd-csr-board': () => import('./csr-board/define.js'),
  'opd-service-directory': () => import('./service-directory/define.js'),
  'opd-service-standard': () => import('./service-standard/define.js'),
  'opd-satisfaction-survey': () => import('./satisfaction-survey/define.js'),
  'opd-satisfaction-index': () => import('./satisfaction-index/define.js'),
  'opd-console': () => import('./console/define.js'),
};

/**
 * The English text of a citizen widget and of the kit, which a widget fetches only when it is
 * set to English (`LocalizeController`). For a tag whose first element asks for English it is
 * fetched here, alongside the widget's chunk, so an English widget renders no later than an
 * Indonesian one. Staff widgets bring their English in their chunk.
 */
const ENGLISH: Readonly<Record<string, () => Promise<unknown>>> = {
  'opd-consultation-form': () => import('./consultation-form/i18n/en.js'),
  'opd-consultation-status': () => import('./consultation-status/i18n/en.js'),
  'opd-road-summary': () => import('./road-summary/i18n/en.js'),
  'opd-road-map': () => import('./road-map/i18n/en.js'),
  'opd-agenda-calendar': () => import('./agenda-calendar/i18n/en.js'),
  'opd-innovation-progress': () => import('./innovation-progress/i18n/en.js'),
  'opd-innovation-list': () => import('./innovation-list/i18n/en.js'),
  'opd-csr-board': () => import('./csr-board/i18n/en.js'),
  'opd-service-directory': () => import('./service-directory/i18n/en.js'),
  'opd-service-standard': () => import('./service-standard/i18n/en.js'),
  'opd-satisfaction-survey': () => import('./satisfaction-survey/i18n/en.js'),
  'opd-satisfaction-index': () => import('./satisfaction-index/i18n/en.js'),
};

/** Tags not yet requested (or whose chunk failed to load, to try again on the next sight). */
const waiting = new Set(Object.keys(WIDGETS));

/**
 * Starts loading the chunk of `element`'s tag, and its English text when `element` asks for
 * English; a failure is reported once and retried on the next sight.
 */
function load(element: Element): void {
  const tag = element.localName;
  waiting.delete(tag);
  if (customElements.get(tag)) return; // registered by the page or another copy of opd-kit
  const english = ENGLISH[tag];
  // The widget fetches it again (the same module) if this fails, and falls back to Indonesian.
  if (english && /^en/i.test(element.getAttribute('lang') ?? '')) {
    Promise.all([english(), import('./shared/i18n/en.js')]).catch(() => undefined);
  }
  WIDGETS[tag]?.().catch((error: unknown) => {
    waiting.add(tag);
    watch(true);
    console.error(`opd-kit: could not load <${tag}>`, error);
  });
}

/**
 * Loads the widgets used in `root` and below: an element, a document or a shadow root.
 * The loader calls it for the document and for every element added to it; call it yourself
 * for a shadow root of your own that holds opd-kit elements.
 */
export function discover(root: Element | Document | DocumentFragment): void {
  if (waiting.size === 0) return;
  if (root instanceof Element && waiting.has(root.localName)) load(root);
  if (waiting.size === 0) return;
  for (const element of root.querySelectorAll([...waiting].join(','))) {
    if (waiting.has(element.localName)) load(element);
  }
  // Every known tag is loading: nothing left to watch for.
  if (waiting.size === 0) watch(false);
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node instanceof Element) discover(node);
    }
  }
});

let watching = false;
function watch(on: boolean): void {
  if (on === watching) return;
  watching = on;
  if (on) observer.observe(document.documentElement, { childList: true, subtree: true });
  else observer.disconnect();
}

watch(true);
discover(document);
