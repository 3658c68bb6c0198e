/**
 * Copying a short text (a tracking code) for the citizen, on every page: the Clipboard API
 * where there is one, the old `execCommand('copy')` on plain-HTTP pages, and when both fail
 * the text left selected so Ctrl+C works.
 *
 * @module
 */

/** Copies `text`; returns whether it worked. On failure, `select`'s contents are selected. */
export async function copyText(text: string, root: ShadowRoot, select?: Element | null): Promise<boolean> {
  let copied = false;
  try {
    // Absent on plain-HTTP pages, whatever the types say.
    const clipboard = globalThis.navigator?.clipboard as Clipboard | undefined;
    if (clipboard) {
      await clipboard.writeText(text);
      copied = true;
    }
  } catch {
    copied = false; // no permission or not a secure context: try the old way
  }
  if (!copied) copied = copyBySelection(text, root);
  if (!copied && select) {
    // Leave the text selected so Ctrl+C works.
    const selection = globalThis.getSelection?.();
    if (selection) {
      const range = document.createRange();
      range.selectNodeContents(select);
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }
  return copied;
}

/** The pre-Clipboard-API way: select a hidden textarea and ask the browser to copy. */
function copyBySelection(text: string, root: ShadowRoot): boolean {
  const button = root.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'visually-hidden';
  root.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  button?.focus();
  return copied;
}
