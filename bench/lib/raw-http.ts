/**
 * One GET with `node:http`, keeping the answer exactly as it came: status, raw headers and
 * the body's bytes, never decompressed (fetch would undo a `Content-Encoding`). The bench
 * records opd-kit's answers this way so its bare peer can send the very same bytes.
 *
 * @module
 */
import { request } from 'node:http';

/** An answer as it came over the wire. */
export interface RawResponse {
  status: number;
  /** Header pairs in the order and case received. */
  headers: Array<[string, string]>;
  body: Buffer;
}

/** The value of header `name` (any case), or undefined. */
export function header(response: RawResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** GET `url` with exactly `headers` (plus Host), on a fresh connection. */
export function rawGet(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
