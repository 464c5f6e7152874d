/**
 * The baseline: a bare Express app with one route that answers the same plan JSON the API
 * answers, with nothing else (no session, no database, no middleware). Like the API it builds
 * the body per request: the stored text is parsed and `res.json` serialises it again.
 *
 * Env: BENCH_PLAN_FILE (the plan's JSON text), BENCH_BARE_PORT. Listens on 127.0.0.1 only.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type express from 'express';

// Express is a dependency of the API, not of the workspace root: load the API's copy.
const requireFromApi = createRequire(path.resolve(__dirname, '../apps/api/package.json'));
const createApp = requireFromApi('express') as typeof express;

const planFile = process.env.BENCH_PLAN_FILE;
const port = Number(process.env.BENCH_BARE_PORT);
if (!planFile || !Number.isInteger(port) || port <= 0) throw new Error('Set BENCH_PLAN_FILE and BENCH_BARE_PORT.');
const planText = fs.readFileSync(planFile, 'utf8');

const app = createApp();
app.get('/plan', (_req, res) => {
  res.json(JSON.parse(planText));
});

const server = app.listen(port, '127.0.0.1', () => process.send?.({ kind: 'listening', port }));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The orchestrator going away (even killed) closes the IPC channel: stop then, never linger.
process.on('disconnect', () => process.exit(1));
