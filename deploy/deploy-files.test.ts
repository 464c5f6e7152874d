/**
 * The files that run the product for real (Dockerfile, .dockerignore, compose.yaml, deploy/) are
 * checked here without a container engine, which the CI machine does not have: they parse, every
 * file they copy or mount is in the repository (and in the build context), every variable they
 * give the API is one the server reads, and nginx accepts the proxy configuration (`nginx -t`,
 * when nginx is installed: e2e/multi-instance.sh installs it). Building the image and starting
 * the compose project are not tested here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configVariables } from '../apps/api/src/core/config';
import { nginxConfig } from '../e2e/multi-instance/cluster';

const repoRoot = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions, stage by stage: continuation lines joined, comments and parser directives dropped. */
function parseDockerfile(text: string): { from: string; name?: string; instructions: Instruction[] }[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const globalArgs = new Map<string, string>();
  const stages: { from: string; name?: string; instructions: Instruction[] }[] = [];
  for (const line of logical) {
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`not a Dockerfile instruction: ${line}`);
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!;
    if (keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = args.split('=');
      globalArgs.set(name!, value);
    } else if (keyword === 'FROM') {
      const [image, as, name] = args.split(/\s+/);
      const resolved = image!.replace(/\$\{(\w+)\}/g, (_, variable: string) => globalArgs.get(variable) ?? '');
      stages.push({ from: resolved, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${keyword} before FROM`);
      stages.at(-1)!.instructions.push({ keyword, args });
    }
  }
  return stages;
}

/** Whether .dockerignore leaves `file` in the build context: the last matching pattern decides, `!` keeps. */
function inBuildContext(file: string, patterns: string[]): boolean {
  const toRegExp = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '%GLOBSTAR%')
        .replace(/\*\*/g, '.*')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/%GLOBSTAR%/g, '(.*/)?')}$`,
    );
  // A pattern that matches a folder matches everything in it.
  const prefixes = file.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/'));
  let kept = true;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = toRegExp(negated ? raw.slice(1) : raw);
    if (prefixes.some((prefix) => pattern.test(prefix))) kept = negated;
  }
  return kept;
}

const dockerfile = parseDockerfile(read('Dockerfile'));
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const compose = parseYaml(read('compose.yaml')) as {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
};
const apiServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
const instructionsOf = (stage: string) => dockerfile.find((candidate) => candidate.name === stage)?.instructions ?? [];
/** The variables every ENV of the Dockerfile sets (`ENV KEY=value KEY2=value`; values without spaces). */
const imageEnvironment = new Map(
  dockerfile
    .flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'ENV'))
    .flatMap((instruction) => instruction.args.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
);

describe('the Dockerfile', () => {
  it('when parsed, then a build stage on the lockfile and a runtime stage on node 20 slim that runs the compiled server as a user of its own, with a health check', () => {
    expect(dockerfile.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    const runtime = dockerfile.at(-1)!;
    expect(runtime.from).toBe('node:20-bookworm-slim');
    const keywords = (instructions: Instruction[]) => instructions.map((instruction) => instruction.keyword);
    expect(instructionsOf('build').map((instruction) => instruction.args)).toContain(
      'pnpm install --frozen-lockfile --filter @yhdessa/api... --filter @yhdessa/web...',
    );
    const user = runtime.instructions.filter((instruction) => instruction.keyword === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(['root', '0']).not.toContain(user!.args.split(':')[0]);
    expect(keywords(runtime.instructions)).toContain('HEALTHCHECK');
    const command = runtime.instructions.filter((instruction) => instruction.keyword === 'CMD').at(-1)!;
    expect(JSON.parse(command.args)).toEqual(['node', '--enable-source-maps', 'dist/server.js']);
  });

  it('when it copies from the repository, then every source exists and .dockerignore keeps it in the build context', () => {
    const sources = dockerfile
      .flatMap((stage) => stage.instructions)
      .filter((instruction) => instruction.keyword === 'COPY' && !instruction.args.includes('--from='))
      .flatMap((instruction) =>
        instruction.args
          .split(/\s+/)
          .filter((part) => !part.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect([source, fs.existsSync(path.join(repoRoot, source))]).toEqual([source, true]);
      expect([source, inBuildContext(source, dockerignore)]).toEqual([source, true]);
    }
    // …and what the build must not see stays out.
    expect(inBuildContext('apps/api/node_modules/express/package.json', dockerignore)).toBe(false);
    expect(inBuildContext('.env', dockerignore)).toBe(false);
    expect(inBuildContext('apps/api/src/server.ts', dockerignore)).toBe(true);
  });

  it('when the runtime stage takes the deployed API, then that folder is what pnpm deploy writes and holds the migrations', () => {
    const fromBuild = dockerfile
      .at(-1)!
      .instructions.filter((instruction) => instruction.keyword === 'COPY' && instruction.args.includes('--from=build'))
      .map((instruction) => instruction.args.split(/\s+/).filter((part) => !part.startsWith('--')));
    const buildCommands = instructionsOf('build')
      .filter((instruction) => instruction.keyword === 'RUN')
      .map((instruction) => instruction.args)
      .join(' ');
    expect(fromBuild).toEqual([
      ['/out/api', '/app/api'],
      ['/src/apps/web/dist', '/app/web/dist'],
    ]);
    expect(buildCommands).toContain('deploy --prod --legacy /out/api');
    // pnpm deploy copies the package's `files`: the bundles, the migrations, the demo's data file.
    const apiPackage = JSON.parse(read('apps/api/package.json')) as { files: string[] };
    expect(apiPackage.files).toEqual(['dist', 'drizzle', 'src/features/demo/data']);
    for (const folder of apiPackage.files.slice(1)) expect(fs.existsSync(path.join(repoRoot, 'apps/api', folder))).toBe(true);
  });

  it('when it sets environment variables, then each is one the server reads', () => {
    const keys = [...imageEnvironment.keys()];
    expect(keys).toEqual(['NODE_ENV', 'PORT', 'DATA_DIR']);
    for (const key of keys) expect(configVariables).toContain(key);
  });
});

describe('compose.yaml', () => {
  it('when parsed, then PostgreSQL, Redis, two API instances built from the Dockerfile and nginx, each with a health check of its own or of the image', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api-a', 'api-b', 'nginx', 'postgres', 'redis']);
    expect(apiServices.map(([name]) => name)).toEqual(['api-a', 'api-b']);
    for (const [, service] of apiServices) expect(service.build).toBe('.');
    expect(fs.existsSync(path.join(repoRoot, 'Dockerfile'))).toBe(true);
    for (const name of ['postgres', 'redis']) expect(compose.services[name]!.healthcheck).toBeDefined();
    for (const [, service] of apiServices)
      expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('when it gives the API instances their environment, then each variable is one the server reads, and the database and Redis are the services here', () => {
    for (const [name, service] of apiServices) {
      const environment = service.environment as Record<string, string>;
      for (const key of Object.keys(environment)) expect([name, key, configVariables.includes(key)]).toEqual([name, key, true]);
      expect(new URL(environment.DATABASE_URL!.replace(/\$\{[^}]+\}/g, 'secret')).hostname).toBe('postgres');
      expect(new URL(environment.REDIS_URL!).hostname).toBe('redis');
      expect(environment.NODE_ENV).toBe('production');
    }
  });

  it('when it reads variables from .env, then deploy/env.example names every one of them', () => {
    const template = new Set([...read('deploy/env.example').matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]));
    const used = [...read('compose.yaml').matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const variable of used) expect([variable, template.has(variable)]).toEqual([variable, true]);
  });

  it('when it mounts files of the repository, then they exist, and every named volume is declared', () => {
    const mounts = Object.values(compose.services).flatMap((service) => (service.volumes as string[] | undefined) ?? []);
    const binds = mounts.map((mount) => mount.split(':')[0]!).filter((source) => source.startsWith('.'));
    expect(binds).toEqual(['./deploy/nginx/yhdessa.conf', './deploy/nginx/yhdessa-proxy.conf', './deploy/tls']);
    for (const source of binds) expect([source, fs.existsSync(path.join(repoRoot, source))]).toEqual([source, true]);
    const named = mounts
      .map((mount) => mount.split(':')[0]!)
      .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    for (const volume of named) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('when nginx balances the API, then its upstream names the API services on the port the image listens on', () => {
    const servers = [...read('deploy/nginx/yhdessa.conf').matchAll(/^\s*server\s+([\w.-]+):(\d+);/gm)].map(
      (match) => `${match[1]}:${match[2]}`,
    );
    expect(servers).toEqual(apiServices.map(([name]) => `${name}:${imageEnvironment.get('PORT')}`));
  });
});

describe('docs/operations.md', () => {
  it('when an operator reads it, then every variable the server reads is described there', () => {
    const guide = read('docs/operations.md');
    for (const variable of configVariables) expect([variable, guide.includes(`\`${variable}\``)]).toEqual([variable, true]);
  });
});

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));
const openssl = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((candidate) => fs.existsSync(candidate));
const withNginx = nginx && openssl ? describe : describe.skip;

withNginx('the nginx configuration (needs nginx and openssl; skipped without them)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-nginx-test-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const check = (config: string) =>
    execFileSync(nginx!, ['-t', '-q', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', config], { stdio: 'pipe' });
  const standalone = (http: string) => `
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${http}
}
`;

  it("when compose's site is loaded as the nginx image loads it, then `nginx -t` accepts it", () => {
    // As the container sees it: /etc/nginx/ is this folder, a self-signed certificate stands in
    // for the operator's, and the service names (resolved by Docker's DNS there) are this machine.
    fs.mkdirSync(path.join(dir, 'tls'));
    execFileSync(
      openssl!,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        path.join(dir, 'tls/privkey.pem'),
        '-out',
        path.join(dir, 'tls/fullchain.pem'),
      ],
      { stdio: 'pipe' },
    );
    fs.copyFileSync(path.join(repoRoot, 'deploy/nginx/yhdessa-proxy.conf'), path.join(dir, 'yhdessa-proxy.conf'));
    const site = read('deploy/nginx/yhdessa.conf')
      .replaceAll('/etc/nginx/', `${dir}/`)
      .replace(/server\s+api-[ab]:3000;/g, 'server 127.0.0.1:3000;');
    fs.writeFileSync(path.join(dir, 'site.conf'), site);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), standalone(`include ${dir}/site.conf;`));
    expect(() => check(path.join(dir, 'nginx.conf'))).not.toThrow();
  });

  it('when the two-instance tests configure nginx with the same proxy settings, then `nginx -t` accepts it', () => {
    const instances = [
      { name: 'a', url: 'http://127.0.0.1:3001', upstream: '127.0.0.1:3001' },
      { name: 'b', url: 'http://127.0.0.1:3002', upstream: '127.0.0.1:3002' },
    ] as const;
    const config = nginxConfig(dir, 3000, instances);
    expect(config).toContain(path.join(repoRoot, 'deploy/nginx/yhdessa-proxy.conf'));
    fs.writeFileSync(path.join(dir, 'cluster.conf'), config);
    expect(() => check(path.join(dir, 'cluster.conf'))).not.toThrow();
  });
});
