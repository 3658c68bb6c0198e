/**
 * Small helpers for the widget tests: asserts, fixtures that mount a widget in the page,
 * waiting for what a person would see, and axe-core.
 *
 * The API these tests talk to is the real server the runner starts (see
 * web-test-runner.config.mjs); its URL arrives as `window.__OPD_TEST__`.
 *
 * @module
 */
import type { LitElement } from 'lit';

/** What the runner hands to every test page. */
export interface TestConfig {
  /** The API's base URL. */
  api: string;
  /** A second API that accepts one question per minute (its clock is stopped). */
  strictApi: string;
  /** The staff bearer token of the test server. */
  staffToken: string;
  /** The tracking code of a question asked ten days ago and never answered. */
  overdueCode: string;
}

declare global {
  interface Window {
    __OPD_TEST__: TestConfig;
    axe?: {
      run(
        context: Element,
        options?: Record<string, unknown>,
      ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] }>;
    };
  }
}

/** The runner's settings for this page. */
export function testConfig(): TestConfig {
  if (!window.__OPD_TEST__) throw new Error('window.__OPD_TEST__ is missing: run through web-test-runner.config.mjs');
  return window.__OPD_TEST__;
}

/** Fails with `message` unless `condition` holds. */
export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Fails unless `actual === expected`. */
export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) {
    throw new Error(`${message}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`);
  }
}

/** Fails unless `text` contains `part`. */
export function includes(text: string | null | undefined, part: string, message: string): void {
  if (!text?.includes(part)) {
    throw new Error(`${message}\n  expected to contain: ${JSON.stringify(part)}\n  actual: ${JSON.stringify(text)}`);
  }
}

const mounted: Element[] = [];

/**
 * Mounts `markup` (one element) in the page and waits for its first render.
 * Everything mounted is removed by {@link cleanup}.
 */
export async function mount<T extends LitElement>(markup: string): Promise<T> {
  const holder = document.createElement('div');
  holder.innerHTML = markup.trim();
  const element = holder.firstElementChild as T | null;
  ok(element, `nothing to mount in ${markup}`);
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

/** Removes everything {@link mount} added. */
export function cleanup(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** The element matching `selector` inside `host`'s shadow root (fails if there is none). */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  ok(found, `no ${selector} inside <${host.localName}>`);
  return found;
}

/** Every element matching `selector` inside `host`'s shadow root. */
export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** The visible text of an element, whitespace collapsed. */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `check` returns something truthy (or throws after `timeout` ms). */
export async function until<T>(check: () => T | null | undefined | false, what: string, timeout = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch {
      // not there yet
    }
    if (Date.now() - started > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Types into a field the way a browser's autofill or a paste does: sets the value, fires `input`. */
export function fill(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Ticks or unticks a checkbox with a click, as a person would. */
export function setChecked(box: HTMLInputElement, checked: boolean): void {
  if (box.checked !== checked) box.click();
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** An OPD of the test server that runs SIAP, with its categories. */
export async function siapOpd(): Promise<{ slug: string; name: string; consultationCategories: { id: string; name: string }[] }> {
  const { api } = testConfig();
  const list = (await (await fetch(`${api}/api/v1/opds`)).json()) as { data: { slug: string; modules: string[] }[] };
  const summary = list.data.find((opd) => opd.modules.includes('siap'));
  ok(summary, 'the test server has no OPD with SIAP on');
  return (await (await fetch(`${api}/api/v1/opds/${summary.slug}`)).json()) as Awaited<ReturnType<typeof siapOpd>>;
}

/** Staff view: the consultations of an OPD whose subject is `subject` (staff token). */
export async function staffConsultationsWithSubject(opd: string, subject: string): Promise<{ trackingCode: string }[]> {
  const { api, staffToken } = testConfig();
  const found: { trackingCode: string; subject: string }[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(`${api}/api/v1/opds/${opd}/consultations`);
    url.searchParams.set('limit', '100');
    url.searchParams.set('q', subject);
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { headers: { Authorization: `Bearer ${staffToken}` } });
    ok(response.ok, `staff list answered ${response.status}`);
    const page = (await response.json()) as { data: { trackingCode: string; subject: string }[]; nextCursor: string | null };
    found.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return found.filter((consultation) => consultation.subject === subject);
}

/** A subject no other test uses. */
export function uniqueSubject(what: string): string {
  return `${what} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

let axeLoaded: Promise<void> | undefined;

/** Runs axe-core (WCAG 2.x A/AA and best practices) on `element`, shadow DOM included. */
export async function axeViolations(element: Element): Promise<string[]> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('could not load axe-core'));
    document.head.append(script);
  });
  await axeLoaded;
  ok(window.axe, 'axe-core did not load');
  const result = await window.axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return result.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
  );
}
