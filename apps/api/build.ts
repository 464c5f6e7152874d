/**
 * `pnpm --filter @yhdessa/api build`: the server and the command-line tools compiled to plain
 * JavaScript in dist/, with source maps, for `node --enable-source-maps dist/server.js`.
 * esbuild (the compiler tsx runs on) bundles our own code and packages/shared into one file per
 * entry point; the packages from node_modules stay `require`s, so native and WebAssembly modules
 * (argon2, PGlite) load from where they were installed. It only strips types: `pnpm typecheck`
 * checks them. Run-time files are found from `__dirname` as in the sources (migrations in
 * apps/api/drizzle, the web client in apps/web/dist, the demo's data file), so the package's
 * layout is kept next to dist/ (package.json `files`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = __dirname;
const outdir = path.join(root, 'dist');

export const entryPoints = {
  server: 'src/server.ts',
  'create-administrator.cli': 'src/features/accounts/create-administrator.cli.ts',
  'backup.cli': 'src/db/backup.cli.ts',
  'verify-audit-chains.cli': 'src/audit/verify-audit-chains.cli.ts',
};

/** Every bare import is left to node at run time, except our workspace packages, which are TypeScript. */
const dependenciesStayExternal: Plugin = {
  name: 'dependencies-stay-external',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@yhdessa/') ? undefined : { external: true }));
  },
};

/**
 * In a bundle every module shares the bundle's `__dirname`; this gives each of our modules its
 * own again, the folder of its source file, as webpack's `node.__dirname: true` does. Only a path
 * is computed: the source folder itself need not exist where the bundle runs.
 */
const sourceDirnames: Plugin = {
  name: 'source-dirnames',
  setup(context) {
    context.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!/\b__dirname\b/.test(text)) return undefined;
      const sourceFolder = JSON.stringify(path.relative(outdir, path.dirname(args.path)));
      return { contents: text.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${sourceFolder})`), loader: 'ts' };
    });
  },
};

/** Replaces dist/ with a fresh build; answers the files written. */
export async function buildApi(): Promise<string[]> {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.entries(entryPoints).map(([out, file]) => ({ in: file, out })),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    plugins: [dependenciesStayExternal, sourceDirnames],
    logLevel: 'warning',
  });
  return fs.readdirSync(outdir).filter((name) => name.endsWith('.js'));
}

if (require.main === module) {
  const started = performance.now();
  buildApi().then(
    (files) => process.stdout.write(`api: built ${files.join(', ')} in dist/ (${Math.round(performance.now() - started)} ms)\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
