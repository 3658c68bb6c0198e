/**
 * Makes the demo's synthetic road photo, `server/src/modules/roads/demo-photo.ts`: a 320 × 240
 * JPEG drawn in headless Chromium (no camera, no person, no place: asphalt, a pothole, a verge
 * and a painted "CONTOH SINTETIS" label), its bytes written as base64 in a .ts file so the seed
 * needs no file on disk. Run again to remake it; the seed cleans it like any upload.
 *
 * ```sh
 * node --import tsx scripts/make-demo-road-photo.ts
 * ```
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/helpers/local.js';

const OUT = new URL('../server/src/modules/roads/demo-photo.ts', import.meta.url);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext('2d')!;
    // Sky and the verge.
    g.fillStyle = '#9fc3de';
    g.fillRect(0, 0, 320, 70);
    g.fillStyle = '#5e8c3a';
    g.fillRect(0, 70, 320, 40);
    // The road in perspective, with its edge line.
    g.fillStyle = '#55575a';
    g.beginPath();
    g.moveTo(120, 70);
    g.lineTo(200, 70);
    g.lineTo(320, 240);
    g.lineTo(0, 240);
    g.closePath();
    g.fill();
    g.strokeStyle = '#e8e4d8';
    g.lineWidth = 4;
    g.setLineDash([18, 14]);
    g.beginPath();
    g.moveTo(160, 72);
    g.lineTo(160, 240);
    g.stroke();
    // The pothole: a dark hollow with a lighter broken rim.
    g.setLineDash([]);
    g.fillStyle = '#8a7c6a';
    g.beginPath();
    g.ellipse(118, 178, 62, 26, -0.08, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#2a2622';
    g.beginPath();
    g.ellipse(120, 180, 50, 19, -0.08, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#4a5560';
    g.beginPath();
    g.ellipse(126, 184, 26, 7, -0.08, 0, Math.PI * 2);
    g.fill();
    // Says what it is.
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(8, 8, 156, 24);
    g.fillStyle = '#1a1a1a';
    g.font = 'bold 14px sans-serif';
    g.fillText('CONTOH SINTETIS', 16, 25);
    return canvas.toDataURL('image/jpeg', 0.72);
  });
  const base64 = dataUrl.replace(/^data:image\/jpeg;base64,/, '');
  const lines = base64.match(/.{1,120}/g) ?? [];
  const source = `/**
 * The demo's SYNTHETIC road photo: a 320 × 240 JPEG of a drawn pothole on a drawn road, labelled
 * "CONTOH SINTETIS" (no camera, no person, no place). Made by \`scripts/make-demo-road-photo.ts\`
 * (do not edit by hand); the seed stores it through the same cleaning as an upload.
 *
 * @module
 */

/** The photo's bytes, base64 (${Buffer.from(base64, 'base64').length} bytes). */
export const DEMO_PHOTO_JPEG_BASE64 = [
${lines.map((line) => `  '${line}',`).join('\n')}
].join('');
`;
  await writeFile(OUT, source);
  process.stdout.write(`Wrote ${OUT.pathname}: ${Buffer.from(base64, 'base64').length} bytes of JPEG\n`);
} finally {
  await browser.close();
}
