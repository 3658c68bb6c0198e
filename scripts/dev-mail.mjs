#!/usr/bin/env node
/**
 * A mail catcher for development: an SMTP server that accepts every mail, prints its sender,
 * recipients and subject, saves it as `.eml` under `./.mail/`, and lists the mails on a small
 * web page. Nothing is delivered anywhere.
 *
 *   npm run mail:dev
 *   SMTP_URL=smtp://127.0.0.1:2525 MAIL_FROM=layanan@lahat.demo npm start
 *   open http://127.0.0.1:8025
 *
 * Options (environment): MAIL_DEV_PORT (SMTP, default 2525), MAIL_DEV_WEB_PORT (web list,
 * default 8025, 0 turns it off), MAIL_DEV_DIR (default ./.mail). Listens on 127.0.0.1 only.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const HOST = '127.0.0.1';
const smtpPort = Number(process.env.MAIL_DEV_PORT ?? 2525);
const webPort = Number(process.env.MAIL_DEV_WEB_PORT ?? 8025);
const dir = resolve(process.env.MAIL_DEV_DIR ?? '.mail');
mkdirSync(dir, { recursive: true });

/** @type {{ file: string, from: string, to: string, subject: string, date: string, text: string, html: string | false }[]} */
const mails = [];

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

async function keep(raw, file) {
  const mail = await simpleParser(raw);
  const entry = {
    file,
    from: mail.from?.text ?? '',
    to: [mail.to].flat().filter(Boolean).map((address) => address.text).join(', '),
    subject: mail.subject ?? '',
    date: (mail.date ?? new Date()).toISOString(),
    text: mail.text ?? '',
    html: mail.html,
  };
  mails.unshift(entry);
  return entry;
}

// The mails of earlier runs stay listed.
for (const file of readdirSync(dir).filter((name) => name.endsWith('.eml')).sort()) {
  await keep(readFileSync(join(dir, file)), file).catch(() => {});
}

/** Mails received by this run, for unique file names. */
let received = 0;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // Any user name and password are taken, so an SMTP_URL with credentials works too.
  onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      received += 1;
      const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${received}.eml`;
      writeFileSync(join(dir, file), raw);
      keep(raw, file).then(
        (mail) => {
          process.stdout.write(`mail  from ${mail.from}  to ${mail.to}  subject "${mail.subject}"  saved ${join(dir, file)}\n`);
          callback();
        },
        (error) => callback(error),
      );
    });
  },
});
smtp.on('error', (error) => process.stderr.write(`smtp: ${error.message}\n`));
smtp.listen(smtpPort, HOST, () => {
  process.stdout.write(`dev mail catcher: SMTP on smtp://${HOST}:${smtpPort} (start the server with SMTP_URL=smtp://${HOST}:${smtpPort} MAIL_FROM=layanan@lahat.demo)\n`);
});

if (webPort > 0) {
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Dev mail</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5em;max-width:60em}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4em;border-bottom:1px solid #ddd;vertical-align:top}pre{white-space:pre-wrap}</style></head><body>${body}</body></html>`;
  createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const one = mails.find((mail) => `/${mail.file}` === url.pathname || `/${mail.file}.html` === url.pathname);
    if (one && url.pathname.endsWith('.html') && one.html) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
      response.end(one.html);
      return;
    }
    if (one) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page(`<p><a href="/">All mails</a></p><h1>${escape(one.subject)}</h1><p>From ${escape(one.from)}<br>To ${escape(one.to)}<br>${escape(one.date)}</p>${one.html ? `<p><a href="/${escape(one.file)}.html">HTML version</a></p>` : ''}<pre>${escape(one.text)}</pre>`));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page(`<h1>Dev mail (${mails.length})</h1><table><tr><th>When</th><th>To</th><th>Subject</th></tr>${mails
      .map((mail) => `<tr><td>${escape(mail.date)}</td><td>${escape(mail.to)}</td><td><a href="/${escape(mail.file)}">${escape(mail.subject)}</a></td></tr>`)
      .join('')}</table>`));
  }).listen(webPort, HOST, () => process.stdout.write(`dev mail catcher: the mails on http://${HOST}:${webPort}\n`));
}
