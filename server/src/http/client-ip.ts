/**
 * Works out who the client is, for rate limits: the socket's address, or with
 * `TRUST_PROXY` the address the proxy saw (the last entry of `X-Forwarded-For`,
 * the one our proxy appended; the entries before it are the client's word only).
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** Sets `clientIp` on the context. */
export function clientIp(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let ip: string | undefined;
    if (c.get('deps').settings.trustProxy) {
      const forwarded = c.req.header('X-Forwarded-For');
      ip = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    }
    ip ??= socketAddress(c.env);
    c.set('clientIp', ip ?? 'unknown');
    await next();
  };
}

function socketAddress(env: unknown): string | undefined {
  // @hono/node-server passes the Node request as env.incoming; app.request() in tests has none.
  const bindings = env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = bindings?.incoming?.socket?.remoteAddress;
  // Map IPv4-mapped IPv6 (::ffff:127.0.0.1) to plain IPv4 so one client has one bucket.
  return address?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
