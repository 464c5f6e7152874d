/**
 * The product as several instances run it: two API processes (the compiled server,
 * apps/api/dist/server.js, as in production: `pnpm build` first) on one fresh database of the
 * PostgreSQL server, sharing realtime through Redis, behind nginx (round robin, WebSocket upgrade
 * with the production proxy settings of deploy/nginx/yhdessa-proxy.conf, an `X-Upstream` header
 * naming the instance that answered). `stop` ends every process started here and drops the database.
 *
 * Env: MULTI_INSTANCE_PORT (nginx; the instances take the next two ports; default 3420),
 * MULTI_INSTANCE_PG_URL (the server, without a database name; default postgres://postgres@127.0.0.1:5432),
 * MULTI_INSTANCE_REDIS_URL (default redis://127.0.0.1:6379). The database is created and dropped with psql.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startJavaScript, stopChild, waitForHealth } from '../../bench/children';

const repoRoot = path.resolve(__dirname, '../..');

export interface Instance {
  name: 'a' | 'b';
  /** The instance itself, bypassing the load balancer. */
  url: string;
  /** How nginx names it in `X-Upstream`. */
  upstream: string;
}

export interface Cluster {
  /** The load balancer: what a browser opens. */
  url: string;
  instances: [Instance, Instance];
  stop(): Promise<void>;
}

const settings = {
  port: Number(process.env.MULTI_INSTANCE_PORT ?? 3420),
  postgresUrl: (process.env.MULTI_INSTANCE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  redisUrl: process.env.MULTI_INSTANCE_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

function nginxBinary(): string {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error('nginx is not installed: apt-get install -y nginx');
  return found;
}

/** A config of its own in `dir`: nothing of the system's nginx is read or written. */
export function nginxConfig(dir: string, port: number, instances: readonly Instance[]): string {
  return `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Round robin: one request, or one WebSocket, to each instance in turn.
  upstream api {
    ${instances.map((instance) => `server ${instance.upstream};`).join('\n    ')}
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    location / {
      # The production proxy's settings (compose.yaml's nginx includes the same file).
      include ${path.join(repoRoot, 'deploy/nginx/yhdessa-proxy.conf')};
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export async function startCluster(): Promise<Cluster> {
  const server = path.join(repoRoot, 'apps/api/dist/server.js');
  if (!fs.existsSync(server)) throw new Error(`${server} is missing: run \`pnpm build\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-multi-instance-'));
  // nginx's workers write their temporary files here.
  fs.chmodSync(dir, 0o755);
  const database = `yhdessa_multi_${process.pid}_${Date.now()}`;
  const children: ChildProcess[] = [];
  const administer = (statement: string) =>
    execFileSync('psql', ['-qX', '-d', `${settings.postgresUrl}/postgres`, '-c', statement]);
  administer(`create database ${database}`);

  let stopping = false;
  // An instance gone before the end would make the tests fail for a reason they cannot see: say so.
  const watch = (child: ChildProcess, label: string) => {
    children.push(child);
    child.once('exit', (code, signal) => {
      if (!stopping) console.error(`[${label}] exited during the run: ${code ?? signal}`);
    });
  };
  const stop = async () => {
    stopping = true;
    await Promise.all(children.map((child) => stopChild(child)));
    administer(`drop database if exists ${database} with (force)`);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const instances = (['a', 'b'] as const).map((name, index): Instance => {
      const port = settings.port + index + 1;
      return { name, url: `http://127.0.0.1:${port}`, upstream: `127.0.0.1:${port}` };
    }) as [Instance, Instance];
    const publicUrl = `http://localhost:${settings.port}`;
    for (const instance of instances) {
      const child = startJavaScript(server, {
        label: `api-${instance.name}`,
        nodeArgs: ['--enable-source-maps'],
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: new URL(instance.url).port,
          DEMO: '1',
          DATABASE_URL: `${settings.postgresUrl}/${database}`,
          REDIS_URL: settings.redisUrl,
          // Channels of this run only: other runs on the same Redis server are not heard.
          REDIS_CHANNEL: `yhdessa-${database}`,
          LOG_LEVEL: 'warn',
          PUBLIC_URL: publicUrl,
          TRUST_PROXY: 'loopback',
          WEB_DIST: path.join(repoRoot, 'apps/web/dist'),
        },
      });
      watch(child, `api-${instance.name}`);
    }
    await Promise.all(instances.map((instance, index) => waitForHealth(instance.url, children[index]!, `api-${instance.name}`)));

    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, settings.port, instances));
    const nginx = spawn(nginxBinary(), ['-p', dir, '-e', path.join(dir, 'nginx-error.log'), '-c', path.join(dir, 'nginx.conf')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    watch(nginx, 'nginx');
    // nginx is not a TypeScript child: end it too if this process ends without stopping.
    process.once('exit', () => nginx.kill('SIGKILL'));
    await waitForHealth(publicUrl, nginx, 'nginx', 10_000);
    return { url: publicUrl, instances, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
