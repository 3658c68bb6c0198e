/**
 * <opd-consultation-status> at every common phone width (and on a desktop), as a citizen
 * sees it: nothing crosses the panel's border, the page never scrolls sideways, the tracking
 * code stays on one line and the values keep room to be read. Measured in Chromium with
 * element rectangles, on a plain page, in a narrow side column and on a hostile host page
 * (10px root, global resets).
 */
import { setViewport } from '@web/test-runner-commands';
import '../../widgets/consultation-status/define.js';
import type { OpdConsultationStatus } from '../../widgets/consultation-status/consultation-status.js';
import { $, $$, cleanup, mount, ok, testConfig, text, until } from './helpers.js';
import { statusFixtures, type StatusFixtures } from './status-fixtures.js';

/** Common phone widths in CSS pixels (small Android, Galaxy, iPhone SE/mini, iPhone 12–15, Pixel, Plus) and a desktop. */
const WIDTHS = [320, 360, 375, 390, 412, 414, 1280];

/** The hostile host page of `host-page.test.ts`, plus a content-box sizing reset. */
const HOSTILE_CSS = `
  html { font-size: 10px; }
  * { margin: 0 !important; padding: 0 !important; box-sizing: content-box; font-size: 1rem; line-height: 1; }
  label { display: none; }
  input, select, textarea, button { font-size: 8px; }
`;

interface Host {
  name: string;
  /** The page CSS, if any. */
  css?: string;
  /** What the widget sits in, `{}` marking its place, e.g. the demo's card. */
  wrapper?: string;
  /** Only at these widths. */
  widths?: number[];
  /** The widget's language; default Indonesian. */
  lang?: 'en';
}

const HOSTS: Host[] = [
  { name: 'a plain page' },
  { name: 'a hostile host page', css: HOSTILE_CSS },
  { name: 'a hostile host page, in English', css: HOSTILE_CSS, lang: 'en' },
  // The demo site's tracking card: 1rem page margins, 1.25rem padding and a border.
  { name: 'a card with padding', wrapper: '<div style="padding: 0 16px"><div style="padding: 20px; border: 1px solid">{}</div></div>' },
  // A page that sizes the widget by its content.
  { name: 'a flex row', wrapper: '<div style="display: flex; gap: 8px">{}</div>' },
  // The demo site's tracking card at 1280 px is about this wide.
  { name: 'a 440px side column', wrapper: '<div style="width: 440px">{}</div>', widths: [1280] },
];

let fixtures: StatusFixtures;

before(async () => {
  fixtures = await statusFixtures();
});

afterEach(() => cleanup());

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

/** Mounts the widget on `host` showing `code`, and waits for the consultation. */
async function show(host: Host, code: string): Promise<{ element: OpdConsultationStatus; panel: HTMLElement }> {
  const markup = `<opd-consultation-status api="${testConfig().api}" code="${code}" lang="${host.lang ?? 'id'}"></opd-consultation-status>`;
  const mounted = await mount<OpdConsultationStatus>(host.wrapper ? host.wrapper.replace('{}', markup) : markup);
  const element = mounted.localName === 'opd-consultation-status' ? mounted : mounted.querySelector('opd-consultation-status')!;
  await element.updateComplete;
  const panel = await until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=result]'), `the consultation ${code}`);
  return { element, panel };
}

/** The visible boxes of the code's characters in `within` (default: the result's heading), one per line it is on. */
function codeLines(element: OpdConsultationStatus, code: string, within: Element = $(element, '#result-title')): DOMRect[] {
  const heading = within;
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  let joined = '';
  const nodes: { node: Text; start: number }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, start: joined.length });
    joined += node.data;
  }
  const at = joined.indexOf(code);
  ok(at >= 0, `the heading "${joined.trim()}" holds the code ${code}`);
  const range = document.createRange();
  const locate = (offset: number): [Text, number] => {
    const found = [...nodes].reverse().find((entry) => entry.start <= offset)!;
    return [found.node, offset - found.start];
  };
  range.setStart(...locate(at));
  range.setEnd(...locate(at + code.length));
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
  return rects.filter((rect, index) => rects.findIndex((other) => Math.abs(other.top - rect.top) < 2) === index);
}

/** Every way the widget on `host` fails a citizen on a phone this wide; none when it is fine. */
function problems(element: OpdConsultationStatus, panel: HTMLElement, code: string, width: number): string[] {
  const found: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) found.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
  const hostRect = element.getBoundingClientRect();
  const parent = element.parentElement!;
  const parentStyle = getComputedStyle(parent);
  const room = parent.clientWidth - parseFloat(parentStyle.paddingLeft) - parseFloat(parentStyle.paddingRight);
  if (hostRect.width < Math.min(room, 18 * 16)) found.push(`the widget shrinks to ${hostRect.width}px of ${room}px`);
  if (hostRect.right > width + 0.5) found.push(`the widget ends at ${hostRect.right}px, past the ${width}px screen`);
  for (const inside of $$(element, '*')) {
    const rect = inside.getBoundingClientRect();
    if (!rect.width || inside.closest('.visually-hidden')) continue;
    if (rect.right > hostRect.right + 0.5 || rect.left < hostRect.left - 0.5) {
      found.push(`<${inside.localName} class="${inside.className}"> (${Math.round(rect.left)}–${Math.round(rect.right)}) leaves the widget`);
    }
  }
  const style = getComputedStyle(panel);
  const inner = {
    left: panel.getBoundingClientRect().left + parseFloat(style.borderLeftWidth),
    right: panel.getBoundingClientRect().right - parseFloat(style.borderRightWidth),
  };
  if (panel.scrollWidth > panel.clientWidth) found.push(`the panel scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`);
  for (const inside of panel.querySelectorAll<HTMLElement>('*')) {
    const rects = [...inside.getClientRects()].filter((rect) => rect.width > 0);
    for (const rect of rects) {
      if (rect.right > inner.right + 0.5 || rect.left < inner.left - 0.5) {
        found.push(
          `<${inside.localName} class="${inside.className}"> "${(inside.textContent ?? '').trim().slice(0, 30)}" crosses the panel's border (${Math.round(rect.left)}–${Math.round(rect.right)} vs ${Math.round(inner.left)}–${Math.round(inner.right)})`,
        );
        break;
      }
    }
  }
  const lines = codeLines(element, code);
  if (lines.length !== 1) found.push(`the code ${code} is split over ${lines.length} lines`);
  for (const line of lines) {
    if (line.right > inner.right + 0.5) found.push(`the code ends at ${Math.round(line.right)}, past the panel (${Math.round(inner.right)})`);
  }
  const example = codeLines(element, 'SIAP-7K3F-9QX2', $(element, '#code-hint'));
  if (example.length !== 1) found.push(`the hint's example code is split over ${example.length} lines`);
  const lineHeight = parseFloat(getComputedStyle($(element, '.details dd')).lineHeight);
  if (lineHeight < 1.3 * parseFloat(getComputedStyle($(element, '.details dd')).fontSize)) {
    found.push(`the lines are packed (line height ${lineHeight}px)`);
  }
  const heading = $(element, '#result-title');
  const codeSize = Math.min(
    ...[...heading.querySelectorAll('*'), heading]
      .filter((node) => node.textContent?.includes(code))
      .map((node) => parseFloat(getComputedStyle(node).fontSize)),
  );
  if (codeSize < 14) found.push(`the code is shrunk to ${codeSize}px`);
  const content = inner.right - inner.left - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  for (const value of panel.querySelectorAll<HTMLElement>('.details dd')) {
    const valueWidth = value.getBoundingClientRect().width;
    if (valueWidth < content / 2) {
      found.push(`the value "${value.textContent?.trim()}" has ${Math.round(valueWidth)}px of a ${Math.round(content)}px panel`);
    }
  }
  // Status, then the OPD (in English with lang="en", where the OPD gave an English name).
  const opdName = panel.querySelectorAll<HTMLElement>('.details dd')[1];
  ok(opdName && [fixtures.opdName, fixtures.opdNameEn].includes(text(opdName)), `the OPD is named second: ${text(opdName)}`);
  const opdLines = Math.round(opdName.getBoundingClientRect().height / parseFloat(getComputedStyle(opdName).lineHeight));
  if (opdLines > 3) found.push(`the OPD's name wraps onto ${opdLines} lines`);
  return found;
}

describe('<opd-consultation-status> on phones', () => {
  for (const width of WIDTHS) {
    it(`fits ${width}px: no sideways scrolling, the code on one line, values readable, in every state`, async () => {
      await setViewport({ width, height: 800 });
      const failures: string[] = [];
      const states = {
        received: fixtures.received,
        'in progress': fixtures.inProgress,
        answered: fixtures.answered,
        'closed without an answer': fixtures.closedUnanswered,
        'closed after an answer': fixtures.closedAnswered,
      };
      for (const host of HOSTS.filter((candidate) => !candidate.widths || candidate.widths.includes(width))) {
        const sheet = document.createElement('style');
        sheet.textContent = host.css ?? '';
        document.head.append(sheet);
        try {
          for (const [state, code] of Object.entries(states)) {
            const { element, panel } = await show(host, code);
            failures.push(...problems(element, panel, code, width).map((problem) => `${host.name}, ${state}: ${problem}`));
            cleanup();
          }
        } finally {
          sheet.remove();
        }
      }
      ok(failures.length === 0, `At ${width}px:\n  ${[...new Set(failures)].join('\n  ')}`);
    });
  }
});
