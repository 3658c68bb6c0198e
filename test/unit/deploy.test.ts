/**
 * The production guide and its files (docs/production.md, deploy/): the systemd units are what
 * systemd accepts (`systemd-analyze verify`, or a check of the keys the guide relies on where
 * systemd is absent), the nginx and Caddy configurations load (`nginx -t`, `caddy validate`,
 * each skipped with a message when not installed) and let through the app's largest body, the
 * scripts parse, every setting the guide names is one the server reads (or the backup
 * script's own), and every file and section it links to exists.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PHOTO_MAX_BYTES } from '../../src/schemas/open311.js';
import { EVIDENCE_MAX_BYTES } from '../../src/schemas/innovations-staff.js';
import { CSR_EVIDENCE_MAX_BYTES } from '../../src/schemas/csr-staff.js';
import { IMPORT_BODY_BYTES } from '../../server/src/modules/roads/routes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const at = (path: string) => join(ROOT, path);
const read = (path: string) => readFileSync(at(path), 'utf8');
const GUIDE = 'docs/production.md';
const guide = read(GUIDE);
/** Where the units expect the release the guide installs. */
const INSTALLED = '/opt/opd-kit/current';

const has = (command: string, args = ['--version']) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opd-kit-deploy-'));
  scratch.push(dir);
  return dir;
}

/** A unit file's sections and keys (a key given twice keeps every value). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[([A-Za-z]+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const pair = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    assert.ok(pair && current, `line ${index + 1} is a key=value in a section: ${raw}`);
    current.set(pair[1]!, [...(current.get(pair[1]!) ?? []), pair[2]!]);
  }
  return sections;
}

const UNITS = ['opd-kit.service', 'opd-kit@.service', 'opd-kit-backup.service', 'opd-kit-backup.timer'];
const unit = (name: string) => parseUnit(read(`deploy/systemd/${name}`));
const value = (parsed: Map<string, Map<string, string[]>>, section: string, key: string) => parsed.get(section)?.get(key)?.at(-1);

describe('the systemd units', () => {
  it('are what systemd-analyze verify accepts, without a warning', (t) => {
    if (!has('systemd-analyze')) {
      t.skip('systemd-analyze is not installed here: the key checks below still run');
      return;
    }
    // As installed: the release where the units look for it, node where this machine has it.
    const dir = scratchDir();
    const files: string[] = [];
    for (const name of [...UNITS, 'opd-kit-backup-pglite.conf']) {
      let text = read(`deploy/systemd/${name}`).replaceAll(INSTALLED, ROOT.replace(/\/$/, '')).replaceAll('/usr/bin/node', process.execPath);
      let file = name;
      // The drop-in checked as part of the unit it extends.
      if (name.endsWith('.conf')) {
        text = `${read('deploy/systemd/opd-kit-backup.service')}\n${text}`.replaceAll(INSTALLED, ROOT.replace(/\/$/, ''));
        file = 'opd-kit-backup-pglite.service';
      }
      writeFileSync(join(dir, file), text);
      files.push(file);
    }
    symlinkSync(join(dir, 'opd-kit@.service'), join(dir, 'opd-kit@8081.service'));
    const targets = files.filter((file) => file !== 'opd-kit@.service').concat('opd-kit@8081.service');
    const result = spawnSync('systemd-analyze', ['verify', ...targets.map((file) => join(dir, file))], { cwd: dir, encoding: 'utf8' });
    // verify exits 0 on an unknown key or a value it ignores, and says so on stderr: those count.
    const ours = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((line) => line.includes(dir) || /opd-kit/.test(line));
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.deepEqual(ours, [], 'no warning about our units');
  });

  it('run the server hardened, as the guide says, and restart it on failure', () => {
    for (const name of ['opd-kit.service', 'opd-kit@.service']) {
      const parsed = unit(name);
      const service = (key: string) => value(parsed, 'Service', key);
      assert.ok(value(parsed, 'Unit', 'Description'), `${name}: Description`);
      assert.equal(service('User'), 'opdkit', name);
      assert.equal(service('EnvironmentFile'), '/etc/opd-kit/opd-kit.env', name);
      assert.equal(service('WorkingDirectory'), INSTALLED, name);
      assert.match(service('ExecStart') ?? '', /\/usr\/bin\/node --import tsx server\/src\/main\.ts$/, `${name}: ExecStart`);
      assert.ok(existsSync(at('server/src/main.ts')));
      assert.equal(service('Restart'), 'on-failure', name);
      assert.equal(service('NoNewPrivileges'), 'true', name);
      assert.equal(service('ProtectSystem'), 'strict', name);
      assert.equal(service('PrivateTmp'), 'true', name);
      assert.equal(service('CapabilityBoundingSet'), '', `${name}: no capabilities`);
      assert.notEqual(service('MemoryDenyWriteExecute'), 'true', `${name}: Node's JIT needs writable code pages`);
      assert.ok(Number(service('TimeoutStopSec')) > 10, `${name}: longer than the server's 10 s for requests in flight`);
      assert.equal(value(parsed, 'Install', 'WantedBy'), 'multi-user.target', name);
    }
    assert.equal(value(unit('opd-kit.service'), 'Service', 'ReadWritePaths'), '/var/lib/opd-kit', 'PGlite’s folder, the only place it writes');
    assert.match(guide, /DATA_DIR=\/var\/lib\/opd-kit\/data|`\/var\/lib\/opd-kit\/data`/, 'the guide’s PGlite folder is inside ReadWritePaths');
    // The template's port comes from the instance name and wins over the settings file's.
    assert.match(value(unit('opd-kit@.service'), 'Service', 'ExecStart') ?? '', /^\/usr\/bin\/env NODE_ENV=production PORT=%i HOST=127\.0\.0\.1 /);
  });

  it('back up nightly with the script the test suite runs', () => {
    const service = unit('opd-kit-backup.service');
    assert.equal(value(service, 'Service', 'Type'), 'oneshot');
    assert.equal(value(service, 'Service', 'ExecStart'), `${INSTALLED}/deploy/backup/opd-kit-backup.sh`);
    assert.equal(value(service, 'Service', 'ReadWritePaths'), value(service, 'Service', 'Environment')?.replace(/^BACKUP_DIR=/, ''), 'writes where BACKUP_DIR points');
    assert.deepEqual(service.get('Service')?.get('EnvironmentFile'), ['/etc/opd-kit/opd-kit.env', '-/etc/opd-kit/backup.env']);
    const timer = unit('opd-kit-backup.timer');
    assert.match(value(timer, 'Timer', 'OnCalendar') ?? '', /^\*-\*-\* \d\d:\d\d:\d\d Asia\/Jakarta$/);
    assert.equal(value(timer, 'Timer', 'Persistent'), 'true');
    assert.equal(value(timer, 'Install', 'WantedBy'), 'timers.target');
    const dropIn = parseUnit(read('deploy/systemd/opd-kit-backup-pglite.conf'));
    assert.equal(value(dropIn, 'Service', 'ExecStartPre'), '+/usr/bin/systemctl stop opd-kit.service');
    assert.equal(value(dropIn, 'Service', 'ExecStopPost'), '+/usr/bin/systemctl start opd-kit.service', 'started again whatever happened');
  });
});

/** The largest body any route of the app takes. */
const APP_MAX_BODY = Math.max(IMPORT_BODY_BYTES, PHOTO_MAX_BYTES, EVIDENCE_MAX_BYTES, CSR_EVIDENCE_MAX_BYTES);

describe('the reverse proxy configurations', () => {
  const nginxConf = read('deploy/nginx/opd-kit.conf');
  const caddyfile = read('deploy/caddy/Caddyfile');

  it('let the app’s largest body through, so the app answers an oversize one with its own problem', () => {
    const nginx = /client_max_body_size (\d+)m;/.exec(nginxConf);
    assert.ok(nginx, 'nginx sets client_max_body_size in MB');
    assert.ok(Number(nginx[1]) * 1024 * 1024 > APP_MAX_BODY, `nginx ${nginx[1]}m > ${APP_MAX_BODY} bytes`);
    const caddy = /max_size (\d+)MB/.exec(caddyfile);
    assert.ok(caddy, 'Caddy sets max_size in MB');
    assert.ok(Number(caddy[1]) * 1000 * 1000 > APP_MAX_BODY, `Caddy ${caddy[1]}MB > ${APP_MAX_BODY} bytes`);
  });

  it('forward what TRUST_PROXY reads, compress JSON and check /healthz', () => {
    for (const header of ['X-Forwarded-For $proxy_add_x_forwarded_for', 'X-Forwarded-Proto $scheme', 'X-Forwarded-Host $host', 'X-Request-Id $request_id']) {
      assert.ok(nginxConf.includes(`proxy_set_header ${header};`), header);
    }
    assert.match(nginxConf, /gzip_types [^;]*application\/json/);
    assert.match(nginxConf, /listen 443 ssl http2;/);
    assert.doesNotMatch(nginxConf, /^\s*add_header/m, 'security headers and CORS are the app’s');
    assert.match(caddyfile, /health_uri \/healthz/);
    assert.match(caddyfile, /encode zstd gzip/);
  });

  it('loads in nginx (nginx -t)', (t) => {
    if (!has('nginx', ['-v'])) {
      t.skip('nginx is not installed here (apt install nginx to check deploy/nginx/opd-kit.conf)');
      return;
    }
    if (!has('openssl', ['version'])) {
      t.skip('openssl is not installed here: nginx -t needs a certificate to load');
      return;
    }
    const dir = scratchDir();
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=layanan.lahatkab.go.id', '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    writeFileSync(join(dir, 'site.conf'), nginxConf.replaceAll('/etc/letsencrypt/live/layanan.lahatkab.go.id/', `${dir}/`).replaceAll('/var/www/letsencrypt', join(dir, 'www')));
    // As /etc/nginx/nginx.conf includes conf.d/*.conf: inside http {}.
    writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/site.conf;\n}\n`);
    const result = spawnSync('nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });

  it('loads in Caddy (caddy validate)', (t) => {
    if (!has('caddy', ['version'])) {
      t.skip('caddy is not installed here (apt install caddy to check deploy/caddy/Caddyfile)');
      return;
    }
    const dir = scratchDir();
    writeFileSync(join(dir, 'Caddyfile'), caddyfile);
    const result = spawnSync('caddy', ['validate', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { encoding: 'utf8', env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(`${result.stdout}${result.stderr}`, /Valid configuration/);
  });
});

describe('the backup scripts', () => {
  it('parse (bash -n) and stop at the first failure', () => {
    for (const script of readdirSync(at('deploy/backup')).filter((name) => name.endsWith('.sh'))) {
      const path = `deploy/backup/${script}`;
      const result = spawnSync('bash', ['-n', at(path)], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${path}: ${result.stderr}`);
      assert.match(read(path), /^#!\/usr\/bin\/env bash\n/, `${path}: a bash script`);
      assert.match(read(path), /^set -euo pipefail$/m, `${path}: stops at the first failure`);
    }
  });
});

/** Upper-case names in the guide that are neither settings nor the backup script's: systemd's address families, HTTP methods. */
const NOT_SETTINGS = new Set(['AF_UNIX', 'AF_INET', 'AF_INET6', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

describe('docs/production.md', () => {
  it('names only settings the server reads, or the backup script’s own', () => {
    const serverSettings = new Set([...read('server/src/settings.ts').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g)].map((m) => m[1]!));
    const backupSettings = new Set([...read('deploy/backup/opd-kit-backup.sh').matchAll(/\$\{([A-Z][A-Z0-9_]*)[:}]/g)].map((m) => m[1]!));
    assert.ok(serverSettings.has('DATABASE_URL') && backupSettings.has('BACKUP_KEEP_DAYS'), 'the lists are read');
    const named = new Set([
      // NAME_WITH_UNDERSCORES anywhere, and `NAME` or `NAME=…` in code.
      ...[...guide.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].map((m) => m[0]),
      ...[...guide.matchAll(/`([A-Z][A-Z0-9]{2,})(?:=[^`]*)?`/g)].map((m) => m[1]!),
      ...[...guide.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!),
    ]);
    const unknown = [...named].filter((name) => !serverSettings.has(name) && !backupSettings.has(name) && !NOT_SETTINGS.has(name));
    assert.deepEqual(unknown, [], 'every name is a setting of server/src/settings.ts or of deploy/backup/opd-kit-backup.sh');
    for (const name of backupSettings) {
      if (name.startsWith('BACKUP_')) assert.ok(guide.includes(`\`${name}\``), `the guide describes the backup's ${name}`);
    }
  });

  it('links only to files and sections that exist', () => {
    const targets = [...guide.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((href) => !/^[a-z]+:/.test(href));
    assert.ok(targets.length >= 10, `${targets.length} links`);
    for (const href of targets) {
      const [path, anchor] = href.split('#') as [string, string | undefined];
      const file = path === '' ? at(GUIDE) : resolve(dirname(at(GUIDE)), path);
      assert.ok(existsSync(file), `${href}: ${file} exists`);
      if (anchor) assert.ok(headingSlugs(readFileSync(file, 'utf8')).has(anchor), `${href}: a heading with that anchor`);
    }
    // Files named in code spans, as an operator would copy them.
    for (const [, path] of guide.matchAll(/`((?:deploy|docs|server|test)\/[^`\s]+)`/g)) {
      assert.ok(existsSync(at(path!.replace(/\{service,timer\}$/, 'service'))), `${path} exists`);
    }
    assert.match(read('docs/self-hosting.md'), /\]\(production\.md\)/, 'self-hosting links to the guide');
  });
});

/** GitHub's anchors for a Markdown file's headings: lower case, punctuation dropped, spaces to dashes. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  for (const [, text] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    slugs.add(
      text!
        .toLowerCase()
        .replace(/`/g, '')
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return slugs;
}
