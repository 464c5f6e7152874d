/** Child processes of a benchmark run: started here, and always ended, whatever way the run ends. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import readline from 'node:readline';

const running = new Set<ChildProcess>();

// Last resort (an uncaught error, process.exit anywhere): nothing started here outlives the run.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface StartOptions {
  /** Prefix for the child's output, which goes to this process's stderr. */
  label: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Node options before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Modules to `--import` after tsx is registered, so they may be TypeScript. */
  imports?: string[];
}

/** Runs a TypeScript file with `node --import tsx`: one process per child, so its pid is the one to stop. */
export function startTypeScript(file: string, options: StartOptions): ChildProcess {
  const imports = (options.imports ?? []).flatMap((specifier) => ['--import', specifier]);
  return startNode([...(options.nodeArgs ?? []), '--import', 'tsx', ...imports, file], options);
}

/** Runs a JavaScript file (e.g. the compiled server, apps/api/dist/server.js) with node; `imports` must be JavaScript too. */
export function startJavaScript(file: string, options: StartOptions): ChildProcess {
  const imports = (options.imports ?? []).flatMap((specifier) => ['--import', specifier]);
  return startNode([...(options.nodeArgs ?? []), ...imports, file], options);
}

function startNode(nodeArguments: string[], options: StartOptions): ChildProcess {
  const child = spawn(process.execPath, nodeArguments, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[${options.label}] ${line}\n`));
  }
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Waits until `url/api/health` answers 200; fails when the child exits first or the time runs out. */
export async function waitForHealth(
  url: string,
  child: ChildProcess,
  label: string,
  timeoutMs = 120_000,
  pollMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`${label} exited (${child.exitCode ?? child.signalCode}) before it answered`);
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`${label} did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

/** A port nothing listens on now (the system's choice, on loopback); the caller binds it soon after. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const cleanups: (() => Promise<void>)[] = [];

/** Work for the end of the run however it ends (temporary folders, databases): the latest first, after the children stop. */
export function atCleanUp(work: () => Promise<void>): void {
  cleanups.push(work);
}

/** Stops the children, then does the work registered since the last clean-up. */
export async function cleanUp(): Promise<void> {
  // Children first: nothing may still be using a data directory or database being removed.
  await stopAllChildren();
  for (const work of cleanups.splice(0).reverse()) await work().catch((error: unknown) => console.error('cleanup:', error));
}

// Stopped from outside (Ctrl-C, kill): clean up, then exit as interrupted or terminated.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => {
    console.error(`bench: ${signal}; stopping`);
    void cleanUp().finally(() => process.exit(code));
  });
