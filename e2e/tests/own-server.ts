import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const repo = path.resolve(__dirname, '../..');

/** An API process of the spec's own (demo data, its own embedded database), that the spec may kill and start again. */
export interface OwnServer {
  port: number;
  start(): Promise<void>;
  kill(): Promise<void>;
  /** Stops the process without closing anything, as a hung server would; `thaw` lets it go on. */
  freeze(): void;
  thaw(): void;
}

export function ownServer(port: number, publicUrl: string): OwnServer {
  const dataDir = path.join(os.tmpdir(), `yhdessa-own-server-${process.pid}-${port}`);
  let child: ChildProcess | null = null;
  return {
    port,
    async start() {
      // The compiled server, as the main web server of the run (playwright.config.ts).
      child = spawn(process.execPath, ['--enable-source-maps', path.join(repo, 'apps/api/dist/server.js')], {
        cwd: path.join(repo, 'e2e'),
        env: {
          ...process.env,
          PORT: String(port),
          DEMO: '1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          PUBLIC_URL: publicUrl,
          WEB_DIST: path.join(repo, 'apps/web/dist'),
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      for (let waited = 0; waited < 120_000; waited += 500) {
        const healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
          .then((response) => response.ok)
          .catch(() => false);
        if (healthy) return;
        await delay(500);
      }
      throw new Error(`the API on port ${port} did not start`);
    },
    freeze() {
      child?.kill('SIGSTOP');
    },
    thaw() {
      child?.kill('SIGCONT');
    },
    /** As a crash would: no goodbye to any client. */
    async kill() {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child?.kill('SIGKILL');
      await exited;
      child = null;
    },
  };
}

/** A TCP hop between the browser and the server whose connections the spec can cut, as a lost network would. */
export interface CuttableLink {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function cuttableLink(targetPort: number): Promise<CuttableLink> {
  const open = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const end of [client, upstream]) {
      open.add(end);
      end.on('error', close);
      end.on('close', close);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cut = true;
      for (const end of open) end.destroy();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const end of open) end.destroy();
        server.close(() => resolve());
      }),
  };
}
