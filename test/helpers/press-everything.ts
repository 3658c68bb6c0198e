/**
 * Using every widget on a page the way a curious visitor would, for the e2e tests that check
 * what a page does while it is used (the strict-CSP and XSS tests): every visible button is
 * pressed once, in order (tabs, list pages, "show more", opening and closing dialogs, sending
 * forms empty so their error summary shows), Escape after each, and the page opened again when
 * a press left it.
 *
 * @module
 */
import type { Page } from 'playwright-core';

/**
 * Presses up to `max` visible buttons of `page` (shadow roots included: Playwright's CSS
 * pierces them), coming back to `url` when one navigates away; answers how many were pressed.
 */
export async function pressEverything(page: Page, url: string, max = 60): Promise<number> {
  let pressed = 0;
  for (let index = 0; index < max; index++) {
    const buttons = page.locator('button:visible');
    if (index >= (await buttons.count())) break;
    await buttons
      .nth(index)
      .click({ timeout: 2000 })
      .then(() => pressed++)
      .catch(() => {});
    await page.keyboard.press('Escape').catch(() => {});
    if (page.url().split('#')[0] !== url.split('#')[0]) await page.goto(url);
  }
  await page.waitForLoadState('networkidle');
  return pressed;
}
