/**
 * The realtime baseline: a plain socket.io server with nothing of the product. A client joins
 * the room it names (`family:join`, as the product's client does), and `POST /emit/<familyId>/<id>/<version>`
 * emits one event of the product's shape to that family's room from within the request, as the
 * API does after its commit.
 *
 * Env: BENCH_BARE_PORT. Listens on 127.0.0.1 only.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Server as SocketServer } from 'socket.io';

// socket.io is a dependency of the API, not of the workspace root: load the API's copy.
const requireFromApi = createRequire(path.resolve(__dirname, '../apps/api/package.json'));
const { Server } = requireFromApi('socket.io') as { Server: typeof SocketServer };

const port = Number(process.env.BENCH_BARE_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('Set BENCH_BARE_PORT.');

const server = http.createServer((req, res) => {
  const match = /^\/emit\/([^/]+)\/([^/]+)\/(\d+)$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !match) {
    res.writeHead(404).end();
    return;
  }
  const [, familyId, id, version] = match;
  io.to(`family:${familyId}`).emit('family:event', { type: 'action.updated', familyId, id, version: Number(version), seq: 1 });
  res.writeHead(204).end();
});
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('family:join', (payload: { familyId: string }, ack: (result: { ok: true }) => void) => {
    void socket.join(`family:${payload.familyId}`);
    ack({ ok: true });
  });
});

server.listen(port, '127.0.0.1', () => process.send?.({ kind: 'listening', port }));
const stop = () => io.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
