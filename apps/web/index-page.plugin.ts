import type { Plugin, Rolldown } from 'vite';
import { FIRST_SCREENS_CHUNK } from './chunks.plugin.ts';
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
 * What index.html's page needs next after its entry, asked for beside the entry rather than once the
 * entry has run (on a slow line, a round trip and the entry's run later): the strings of the
 * reader's language, chosen as src/lib/i18n.ts chooses them (a choice kept on this device, else the
 * first of the browser's languages we have, else Finnish), and, outside the pages that stand alone
 * (sign-in, an invitation, the accessibility statement), the first signed-in screens' chunk with its
 * styles. A separate file, not an inline script: the API's content security policy allows only
 * scripts from its own origin.
 */
function scriptSource(strings: Record<string, string>, firstScreens: string[], standalone: string[]): string {
  return `(function () {
  var strings = ${JSON.stringify(strings)};
  var language;
  try {
    language = localStorage.getItem('yhdessa.language');
  } catch (error) {}
  if (!strings[language]) {
    language = (navigator.languages || [navigator.language])
      .map(function (tag) { return String(tag).split('-')[0].toLowerCase(); })
      .filter(function (code) { return strings[code]; })[0] || 'fi';
  }
  var files = [strings[language]];
  var path = location.pathname;
  var alone = ${JSON.stringify(standalone)}.some(function (start) { return path === start || path.indexOf(start + '/') === 0; });
  if (!alone) files = files.concat(${JSON.stringify(firstScreens)});
  files.forEach(function (file) {
    var link = document.createElement('link');
    if (/\\.css$/.test(file)) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    link.crossOrigin = '';
    link.fetchPriority = 'low';
    link.href = file;
    document.head.appendChild(link);
  });
})();
`;
}

/** The pre-rendered sign-in page asks for its own strings and code (prerender.plugin.ts). */
export function withoutEarlyRequests(html: string): string {
  return html.replace(/<script async src="[^"]*early-requests[^"]*"><\/script>\n\s*/, '');
}

/** index.html: its scripts after its first paint, and what comes after its entry asked for beside it. */
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
        const reference = this.emitFile({ type: 'asset', name: SCRIPT_NAME, source: scriptSource(strings, files, standalone) });
        const tag = `<script async src="${base}${this.getFileName(reference)}"></script>`;
        const entry = html.indexOf('<script type="module"');
        if (entry < 0) throw new Error('index.html has no module script');
        index.source = scriptsAfterPaint(`${html.slice(0, entry)}${tag}\n    ${html.slice(entry)}`);
      },
    },
  };
}
