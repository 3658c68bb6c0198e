/**
 * What every browser test, e2e test and benchmark needs of this machine: a free port and a
 * headless Chromium that stays quiet on a closed network.
 *
 * @module
 */
import { createServer } from 'node:net';

/**
 * Flags for headless Chromium: without the networking ones it stalls trying to reach
 * Google's hosts on a closed network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: `CHROME_PATH` (set by `npm test`), else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
