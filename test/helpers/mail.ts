/**
 * A real SMTP server for tests (`smtp-server` on 127.0.0.1, a free port), each mail read back
 * with `mailparser`. It can accept, refuse (451) or hold mails (never answer the data: a send
 * stuck between commit and the server's yes).
 *
 * @module
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the catcher does with a mail's data. */
export type CatcherMode = 'accept' | 'refuse' | 'hold';

/** A running catcher. */
export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  url: string;
  /** Every mail accepted, in order. */
  mails: ParsedMail[];
  /** What it does with the next mails. */
  mode: CatcherMode;
  /** How many mails it held (never answered). */
  held: number;
  /** When each accepted mail arrived (`performance.now()`), by its `Message-ID`. */
  arrivedAt: Map<string, number>;
  /** Waits until `count` mails matching `filter` arrived; answers them. */
  waitFor(count: number, filter?: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Stops it (held mails are dropped). */
  close(): Promise<void>;
}

/** Mail to an address at this domain is refused for good at RCPT TO (550 mailbox unavailable). */
export const NO_SUCH_MAILBOX_DOMAIN = 'tidak-ada.test';

/** Starts a catcher in `mode` (default `accept`). */
export async function startMailCatcher(mode: CatcherMode = 'accept'): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  const catcher: MailCatcher = {
    url: '',
    mails,
    mode,
    held: 0,
    arrivedAt: new Map(),
    async waitFor(count, filter = () => true, timeoutMs = 15_000) {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const matching = mails.filter(filter);
        if (matching.length >= count) return matching;
        if (performance.now() > until) throw new Error(`${matching.length} of ${count} mails after ${timeoutMs} ms`);
        await sleep(25);
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A mailbox that does not exist, as a real server answers it: for good (550).
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${NO_SUCH_MAILBOX_DOMAIN}`)) {
        callback(Object.assign(new Error(`Mailbox ${address.address} does not exist`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      if (catcher.mode === 'hold') {
        catcher.held += 1;
        stream.resume();
        return; // never answered: the sender waits
      }
      if (catcher.mode === 'refuse') {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          catcher.arrivedAt.set(mail.messageId ?? '', performance.now());
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  catcher.url = `smtp://127.0.0.1:${port}`;
  return catcher;
}
