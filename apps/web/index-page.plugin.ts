import type { Plugin, Rolldown } from 'vite';
import { FIRST_SCREENS_CHUNK } from './chunks.plugin.ts';
import { earlyRequests, type EarlyRequestSettings } from './src/app/early-requests.ts';
import { EARLY_READS_KEY } from './src/lib/early-reads.ts';
import { paths } from './src/lib/paths.ts';

/** The script's own name under assets/ (hashed); index.html loads it before the entry. */
const SCRIPT_NAME = 'early-requests.js';

/**
 * The page paints before its scripts come (index.html's bar, or the pre-rendered sign-in form): they
 * are asked for at low priority, so that on a slow line the HTML and the styles are not kept waiting
 * behind them.
 */
function scriptsAfterPaint(html: string): string {
  const lowered = html.replace(
    /<(script type="module"|link rel="modulepreload") crossorigin /g,
    '<$1 crossorigin fetchpriority="low" ',
  );
  if (lowered === html) throw new Error('index.html has no module script');
  return lowered;
}

/**
 * The early-requests script: app/early-requests.ts's function, its source as the build's config loader
 * compiled it (it names nothing outside its body), called with this build's files.
 */
function scriptSource(settings: EarlyRequestSettings): string {
  return `(${earlyRequests.toString()})(${JSON.stringify(settings)}, window);\n`;
}

/** The pre-rendered sign-in page asks for its own strings and code (prerender.plugin.ts). */
export function withoutEarlyRequests(html: string): string {
  return html.replace(/<script async src="[^"]*early-requests[^"]*"><\/script>\n\s*/, '');
}

/** index.html: its scripts after its first paint, and what comes after its entry (code and reads) asked for beside it. */
export function indexPage(): Plugin {
  let base = '/';
  return {
    name: 'yhdessa:index-page',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') throw new Error('the build wrote no index.html');
        const html = String(index.source);
        const chunks = Object.values(bundle).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
        const inIndex = (file: string) => html.includes(`"${base}${file}"`);
        const strings = Object.fromEntries(
          chunks.flatMap((chunk) => {
            const language = chunk.facadeModuleId?.match(/\/src\/locales\/(\w+)\.json$/)?.[1];
            return language ? [[language, `${base}${chunk.fileName}`]] : [];
          }),
        );
        const firstScreens = chunks.find((chunk) => chunk.name === FIRST_SCREENS_CHUNK);
        if (!firstScreens || Object.keys(strings).length === 0) throw new Error('the build has no first screens or strings');
        const scripts = [firstScreens.fileName, ...firstScreens.imports].filter((file) => !inIndex(file));
        const styles = scripts.flatMap((file) => {
          const chunk = bundle[file];
          return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
        });
        const files = [...styles, ...scripts].map((file) => `${base}${file}`);
        const standalone = [paths.signIn, paths.invitation('').replace(/\/$/, ''), paths.accessibilityStatement];
        const source = scriptSource({ strings, firstScreens: files, standalone, readsKey: EARLY_READS_KEY });
        const reference = this.emitFile({ type: 'asset', name: SCRIPT_NAME, source });
        const tag = `<script async src="${base}${this.getFileName(reference)}"></script>`;
        const entry = html.indexOf('<script type="module"');
        if (entry < 0) throw new Error('index.html has no module script');
        index.source = scriptsAfterPaint(`${html.slice(0, entry)}${tag}\n    ${html.slice(entry)}`);
      },
    },
  };
}
