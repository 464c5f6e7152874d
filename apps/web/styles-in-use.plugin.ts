import { createHash } from 'node:crypto';
import postcss, { type Container } from 'postcss';
import type { Plugin } from 'vite';

/** Mantine's class names: fixed, one set per component (`m_77c9d27d`), given to elements only by that component's code. */
const MANTINE_CLASS = /\bm_[0-9a-f]{8}\b/g;

/** A selector naming a Mantine class that no code gives to an element matches nothing. */
const canMatch = (selector: string, used: Set<string>) => (selector.match(MANTINE_CLASS) ?? []).every((name) => used.has(name));

/** Drops the rules no element can match, and then the at-rules (media queries) left empty. */
function dropUnmatchable(root: Container, used: Set<string>): void {
  root.walkRules((rule) => {
    const matching = rule.selectors.filter((selector) => canMatch(selector, used));
    if (matching.length === 0) rule.remove();
    else if (matching.length < rule.selectors.length) rule.selectors = matching;
  });
  const dropEmpty = (container: Container) => {
    container.each((node) => {
      if (node.type !== 'atrule' || !node.nodes) return;
      dropEmpty(node);
      if (node.nodes.length === 0) node.remove();
    });
  };
  dropEmpty(root);
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

/**
 * The stylesheet without the rules of the Mantine components the client never draws. The app
 * imports Mantine's whole stylesheet (every component's rules, about 290 kB), which a phone fetches
 * and parses before its first paint; a component's class names reach an element only through that
 * component's code, so a selector naming one that no chunk contains can match nothing. The file is
 * named anew from what is left (as the build names every file by its content, so a browser's cached
 * copy of another release is never taken for it), and every reference to it follows.
 */
export function stylesInUse(): Plugin {
  return {
    name: 'yhdessa:styles-in-use',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle);
        const used = new Set(files.flatMap((file) => (file.type === 'chunk' ? (file.code.match(MANTINE_CLASS) ?? []) : [])));
        const renamed = new Map<string, string>();
        for (const file of files) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
          const root = postcss.parse(String(file.source));
          dropUnmatchable(root, used);
          const source = root.toString();
          const fileName = file.fileName.replace(/-[\w-]{8}\.css$/, `-${contentHash(source)}.css`);
          if (fileName === file.fileName) throw new Error(`${file.fileName} is not named by its content`);
          delete bundle[file.fileName];
          renamed.set(file.fileName, fileName);
          this.emitFile({ type: 'asset', fileName, source });
        }
        const rename = (text: string) => [...renamed].reduce((result, [from, to]) => result.replaceAll(from, to), text);
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk') {
            file.code = rename(file.code);
            const css = file.viteMetadata?.importedCss;
            for (const name of [...(css ?? [])]) {
              const to = renamed.get(name);
              if (!to) continue;
              css!.delete(name);
              css!.add(to);
            }
          } else if (/\.(html|js)$/.test(file.fileName)) {
            file.source = rename(String(file.source));
          }
        }
      },
    },
  };
}
