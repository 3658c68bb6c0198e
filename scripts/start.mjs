#!/usr/bin/env node
/**
 * `npm start`: the backend plus the demo OPD site on http://localhost:8080.
 *
 * Builds the widgets first when `dist/cdn/opd-kit.js` is missing or older than any source
 * (the demo page loads the widgets from `/cdn/opd-kit.js`), then runs the server with the
 * environment as given (see the settings table in README.md). SIGINT and SIGTERM are passed
 * to the server so it can shut down cleanly; this script exits with the server's code.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { at, mtime, newestMtime, root, run } from './lib.mjs';

const CDN_FILE = 'dist/cdn/opd-kit.js';
const SOURCES = ['src', 'widgets', 'rollup.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function main() {
  if (!existsSync(at('widgets/all.ts'))) {
    console.warn('start: widgets/all.ts does not exist yet, the demo page will have no widgets');
  } else if (mtime(CDN_FILE) < newestMtime(SOURCES)) {
    console.log(existsSync(at(CDN_FILE)) ? 'start: sources changed, rebuilding the widgets…' : 'start: building the widgets…');
    const code = await run(process.execPath, [at('scripts/build.mjs'), '--no-types']);
    if (code !== 0) {
      console.error('start: the build failed, see above');
      process.exit(code);
    }
  }
  process.exit(await runServer());
}

/**
 * Runs `node --import tsx server/src/main.ts` in its own process group, so a Ctrl-C in the
 * terminal reaches it once, through us, rather than twice (terminal and npm both signal
 * this script). A repeated signal more than a second later is passed on too, so a server
 * that treats a second Ctrl-C as "stop now" still can.
 */
function runServer() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', at('server/src/main.ts')], {
      cwd: root,
      env: process.env,
      stdio: 'inherit',
      detached: true,
    });
    const lastSent = new Map();
    const forward = (signal) => {
      const now = Date.now();
      if (now - (lastSent.get(signal) ?? 0) < 1000) return;
      lastSent.set(signal, now);
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    // If this script dies first, do not leave the server running on the port.
    process.on('exit', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    child.on('error', (error) => {
      console.error(`start: could not start the server: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  });
}

await main();
