import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildApi } from '../build';

/**
 * What `pnpm start:prod` and the container run: the bundles of apps/api/build.ts under plain node,
 * with NODE_ENV=production, on an embedded database in a folder of its own. The build is the real
 * one (dist/, about a second); each process below opens the database, so the file takes some seconds.
 */
jest.setTimeout(120_000);

const run = promisify(execFile);
const dist = path.resolve(__dirname, '../dist');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-compiled-test-'));
const dataDir = path.join(workDir, 'data');
// Nothing of the caller's environment (DATABASE_URL, REDIS_URL, NODE_OPTIONS from jest) reaches the processes.
const environment = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'https://yhdessa.test',
  SMTP_URL: 'smtp://127.0.0.1:25',
  WEB_DIST: '/nonexistent',
};

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function healthOf(child: ChildProcess, url: string): Promise<unknown> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the compiled server exited with ${child.exitCode}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response.json();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the compiled server did not answer');
}

const runCli = (file: string, args: string[]) =>
  run(process.execPath, ['--enable-source-maps', path.join(dist, file), ...args], { env: environment, cwd: workDir });

beforeAll(async () => {
  await buildApi();
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the compiled API', () => {
  it('when it is built, then our own code and the shared package are inside the bundles and only installed packages are required', () => {
    const server = fs.readFileSync(path.join(dist, 'server.js'), 'utf8');
    const required = [...server.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(required.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('@yhdessa/'))).toEqual([]);
    expect(required).toEqual(expect.arrayContaining(['express', 'pg', '@electric-sql/pglite']));
    expect(fs.existsSync(path.join(dist, 'server.js.map'))).toBe(true);
  });

  it('when the server starts with NODE_ENV=production on a new database, then it migrates it, answers /api/health and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(dist, 'server.js')], {
      env: { ...environment, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      expect(await healthOf(child, `http://127.0.0.1:${port}/api/health`)).toEqual({ status: 'ok', db: 'pglite' });
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });

  it('when the first administrator is created, the audit chains verified and a backup taken with the compiled tools, then each does its work', async () => {
    const created = await runCli('create-administrator.cli.js', ['--email', 'ylla.pitaja@kunta.test', '--name', 'Ylla Pitäjä']);
    expect(created.stdout).toContain('Administrator ylla.pitaja@kunta.test created');
    expect(created.stdout).toMatch(/^https:\/\/yhdessa\.test\/\S+$/m);

    const verified = await runCli('verify-audit-chains.cli.js', []);
    const verification = JSON.parse(verified.stdout) as { events: number; firstBrokenLink: unknown };
    // The administrator's creation is audited: the chain holds it, unbroken.
    expect(verification.events).toBeGreaterThan(0);
    expect(verification.firstBrokenLink).toBeNull();

    const backup = path.join(workDir, 'compiled.backup');
    await runCli('backup.cli.js', ['backup', backup]);
    expect(fs.statSync(backup).size).toBeGreaterThan(0);
  });
});
