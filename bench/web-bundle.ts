/** What the built web client makes every page load before any screen's own chunk: the entry and its static imports. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface InitialScript {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** As the API sends it to a browser that accepts br: the build's brotli copy beside it (apps/web/precompress.plugin.ts). */
  brotliBytes: number;
}

/**
 * Vite writes the entry as index.html's `<script type="module" src>` and every chunk it imports
 * statically, however deep, as a `<link rel="modulepreload">`: together, the JavaScript each page
 * fetches before the router has even chosen a screen.
 */
export function initialScripts(webDist: string): InitialScript[] {
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((match) => match[0]);
  const addresses = tags.flatMap((tag) => {
    const entry = /^<script\b/.test(tag) && /\btype="module"/.test(tag) ? /\bsrc="([^"]+)"/.exec(tag)?.[1] : undefined;
    const preload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag) ? /\bhref="([^"]+)"/.exec(tag)?.[1] : undefined;
    return [entry ?? preload].filter((address): address is string => address !== undefined);
  });
  if (addresses.length === 0) throw new Error(`${webDist}/index.html names no module script`);
  return [...new Set(addresses)].map((address) => {
    const content = fs.readFileSync(path.join(webDist, address.replace(/^\//, '')));
    return {
      file: address,
      bytes: content.length,
      gzipBytes: zlib.gzipSync(content).length,
      brotliBytes: fs.statSync(path.join(webDist, `${address.replace(/^\//, '')}.br`)).size,
    };
  });
}
