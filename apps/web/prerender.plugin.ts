import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { withoutEarlyRequests } from './index-page.plugin.ts';

/** Where the API looks for the pre-rendered pages, inside the built client (apps/api/src/http/web-client.ts). */
const PRERENDERED_DIR = 'prerendered';

interface PrerenderModule {
  prerenderedLanguages: readonly string[];
  renderSignIn: (language: string) => Promise<{ html: string; title: string }>;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The screen's own chunks and styles, and the language's strings, asked for with the page: its
 * styles must be there before the first paint (or the header would move when they come), and the
 * page takes the HTML over (hydrates) only once its code is there.
 */
function screenAssets(bundle: Rolldown.OutputBundle, template: string, base: string, screen: string, strings: string): string {
  const chunks = Object.values(bundle).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // A module's chunk may hold other modules beside it (vite's chunks.plugin.ts groups screens).
  const entryOf = (moduleEnd: string) => {
    const chunk = chunks.find((candidate) => candidate.moduleIds.some((id) => id.endsWith(moduleEnd)));
    if (!chunk) throw new Error(`the build has no chunk of ${moduleEnd}`);
    return chunk;
  };
  const wanted = new Set<Rolldown.OutputChunk>();
  const add = (chunk: Rolldown.OutputChunk) => {
    // The entry and what it imports are in index.html already.
    if (template.includes(`${base}${chunk.fileName}"`) || wanted.has(chunk)) return;
    wanted.add(chunk);
    for (const name of chunk.imports) add(byName.get(name)!);
  };
  add(entryOf(screen));
  add(entryOf(strings));
  const scripts = [...wanted].map(
    (chunk) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="${base}${chunk.fileName}">`,
  );
  const styles = [...wanted]
    .flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])])
    .map((file) => `<link rel="stylesheet" crossorigin href="${base}${file}">`);
  return [...styles, ...scripts].map((tag) => `    ${tag}\n`).join('');
}

function replaceOnce(html: string, search: string, replacement: string): string {
  if (!html.includes(search)) throw new Error(`index.html has no ${search}`);
  return html.replace(search, () => replacement);
}

/**
 * After the client's build: the sign-in page rendered to HTML in each language (src/app/prerender.tsx,
 * built for Node into a folder of its own and dropped after), written beside index.html with the
 * same scripts and styles, so the form is painted before the JavaScript arrives and is then hydrated.
 */
export function prerenderSignIn(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'yhdessa:prerender-sign-in',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') throw new Error('the build wrote no index.html');
      const template = withoutEarlyRequests(String(index.source));
      const serverDir = path.join(config.root, 'node_modules/.prerender');
      await build({
        configFile: config.configFile,
        mode: config.mode,
        logLevel: 'warn',
        build: { ssr: 'src/app/prerender.tsx', outDir: serverDir, emptyOutDir: true, copyPublicDir: false },
      });
      try {
        const prerender = (await import(pathToFileURL(path.join(serverDir, 'prerender.js')).href)) as PrerenderModule;
        const outDir = path.join(options.dir ?? path.resolve(config.root, config.build.outDir), PRERENDERED_DIR);
        fs.mkdirSync(outDir, { recursive: true });
        for (const language of prerender.prerenderedLanguages) {
          const page = await prerender.renderSignIn(language);
          let html = replaceOnce(template, '<html lang="fi"', `<html lang="${language}"`);
          const assets = screenAssets(
            bundle,
            template,
            config.base,
            '/src/app/routes/sign-in.route.tsx',
            `/src/locales/${language}.json`,
          );
          html = replaceOnce(html, '  </head>', `${assets}  </head>`);
          html = replaceOnce(html, '<title>Yhdessä</title>', `<title>${escapeHtml(page.title)}</title>`);
          // In place of index.html's bar painted before the scripts, the whole form.
          const root = /<div id="root">[\s\S]*<\/div>(?=\s*<\/body>)/.exec(html)?.[0];
          if (!root) throw new Error('index.html has no #root at the end of its body');
          html = replaceOnce(
            html,
            root,
            `<div id="root" data-prerendered="sign-in" data-language="${language}">${page.html}</div>`,
          );
          fs.writeFileSync(path.join(outDir, `sign-in.${language}.html`), html);
        }
      } finally {
        fs.rmSync(serverDir, { recursive: true, force: true });
      }
    },
  };
}
