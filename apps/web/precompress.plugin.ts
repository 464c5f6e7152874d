import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The scripts and the stylesheet: what a page waits for. Images and fonts come compressed already. */
const COMPRESSIBLE = /\.(js|css)$/;

/**
 * Every script and stylesheet of the build also as `.br` (brotli at its best, quality 11) and `.gz`
 * (level 9) beside it, for the API to send as they are (express-static-gzip in
 * apps/api/src/http/web-client.ts). Compressed per request, the API can only afford brotli's quality
 * 4: the files came 16 % larger (the family's home's 343 kB before its first screen, 289 kB so), and
 * on a phone's slow line every kB is 5 ms. Written once the build is on disk, the browser's build only.
 */
export function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'yhdessa:precompress-assets',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const content = await fs.readFile(full);
          const brotliParams = {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          };
          await fs.writeFile(`${full}.br`, await brotli(content, { params: brotliParams }));
          await fs.writeFile(`${full}.gz`, await gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}
