/**
 * Bench peer: the floor of the stack. The same runtime as the backend (Node, tsx, Hono on
 * `@hono/node-server`) with nothing but `GET /healthz`: no database, no middleware. Its start
 * time and its `/healthz` throughput show what opd-kit's own start and middleware cost on top.
 *
 * Reads `PORT` and `HOST` like the real server. Run by `bench/run.ts`, not meant for anything else.
 *
 * @module
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8080), hostname: process.env.HOST ?? '127.0.0.1' });
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
