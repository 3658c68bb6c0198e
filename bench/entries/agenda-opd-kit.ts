/**
 * Browser-benchmark entry of the agenda calendar (bench/sections/agenda.ts), opd-kit's side:
 * `<opd-agenda-calendar>` showing a month whose events the page already holds. The widget reads
 * them through its SDK as it does in production — the council, then the events in pages of
 * 100, each answer parsed and checked against the schema — from a `fetch` that answers from
 * memory (the JSON text is built before the clock starts), so no network is timed.
 *
 * Timing: `performance.now()` before the element is created, and again once the frame after
 * the render with every event has been painted (its `opd-agenda-loaded`, a
 * `requestAnimationFrame`, then a message: it runs after that frame's paint).
 *
 * @module
 */
import '../../widgets/agenda-calendar/define.js';

/** What each run hands back to the bench. */
export interface DrawResult {
  /** Milliseconds from the data in hand to the first paint of the month with its events. */
  drawMs: number;
  /** The events the calendar says it shows. */
  events: number;
}

/** The JSON texts the stubbed API answers with. */
export interface AgendaTexts {
  council: string;
  /** The pages of `GET …/events`, by cursor (`''` for the first). */
  pages: Record<string, string>;
}

export const afterPaint = (): Promise<void> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );

/** Shows December 2026 in `container` with `<opd-agenda-calendar>`. */
export async function drawWithOpdKit(container: HTMLElement, texts: AgendaTexts): Promise<DrawResult> {
  const json = { 'content-type': 'application/json' };
  window.fetch = (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = url.pathname.endsWith('/agenda') ? texts.council : texts.pages[url.searchParams.get('cursor') ?? ''];
    return Promise.resolve(body === undefined ? new Response('{}', { status: 404, headers: json }) : new Response(body, { headers: json }));
  };
  const started = performance.now();
  const element = document.createElement('opd-agenda-calendar');
  const loaded = new Promise<number>((resolve) =>
    element.addEventListener('opd-agenda-loaded', (event) => resolve((event as CustomEvent<{ events: number }>).detail.events), { once: true }),
  );
  element.setAttribute('api', 'https://agenda.bench.invalid');
  element.setAttribute('opd', 'sekretariat-dprd');
  element.setAttribute('date', '2026-12-01');
  element.setAttribute('view', 'month');
  container.append(element);
  const events = await loaded;
  await afterPaint();
  return { drawMs: performance.now() - started, events };
}
