import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../test/test-app';

jest.setTimeout(30_000);

const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-web-client-'));
const indexHtml = `<!doctype html><html lang="fi"><title>Yhdessä</title><script type="module" src="/assets/index-Bx7a9k.js"></script>${'<!-- -->'.repeat(200)}</html>`;
const entryJs = `export const lines = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `rivi ${i}`))};`;
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(path.join(webDist, 'index.html'), indexHtml);
fs.writeFileSync(path.join(webDist, 'assets', 'index-Bx7a9k.js'), entryJs);
fs.writeFileSync(path.join(webDist, 'assets', 'photo-D3f1.png'), randomBytes(4096));
// A script the build wrote compressed beside it too (apps/web/precompress.plugin.ts).
const screenJs = `export const words = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `sana ${i}`))};`;
const screenBrotli = zlib.brotliCompressSync(screenJs, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
const screenGzip = zlib.gzipSync(screenJs, { level: 9 });
fs.writeFileSync(path.join(webDist, 'assets', 'screen-C4e2.js'), screenJs);
fs.writeFileSync(path.join(webDist, 'assets', 'screen-C4e2.js.br'), screenBrotli);
fs.writeFileSync(path.join(webDist, 'assets', 'screen-C4e2.js.gz'), screenGzip);
const signInHtml = (language: string) => `<!doctype html><html lang="${language}"><title>sign-in ${language}</title></html>`;
fs.mkdirSync(path.join(webDist, 'prerendered'));
for (const language of ['fi', 'sv', 'en']) {
  fs.writeFileSync(path.join(webDist, 'prerendered', `sign-in.${language}.html`), signInHtml(language));
}
fs.writeFileSync(path.join(webDist, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);
afterAll(() => fs.rmSync(webDist, { recursive: true, force: true }));

interface WireAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as it went over the wire (supertest would decode it). */
  body: Buffer;
}

async function wire(server: http.Server, address: string, acceptEncoding: string): Promise<WireAnswer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: address, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The wire body decoded by its Content-Encoding. */
function decoded(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString();
  return body.toString();
}

describe('the web client and the API over HTTP', () => {
  let testApp: TestApp;
  let server: http.Server;
  beforeAll(async () => {
    testApp = await startTestApp({ WEB_DIST: webDist });
    server = testApp.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await testApp.close();
  });

  it.each([
    ['br', 'gzip, deflate, br'],
    ['gzip', 'gzip, deflate'],
  ])(
    'when the client accepts %s, then JSON of the API and the JavaScript come compressed that way',
    async (encoding, accepted) => {
      const json = await wire(server, '/api/openapi.json', accepted);
      expect(json.status).toBe(200);
      expect(json.headers['content-encoding']).toBe(encoding);
      expect(json.headers.vary).toMatch(/Accept-Encoding/i);
      expect(JSON.parse(decoded(encoding, json.body))).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) });

      const script = await wire(server, '/assets/index-Bx7a9k.js', accepted);
      expect(script.status).toBe(200);
      expect(script.headers['content-encoding']).toBe(encoding);
      expect(script.body.length).toBeLessThan(entryJs.length / 2);
      expect(decoded(encoding, script.body)).toBe(entryJs);
    },
  );

  it('when the client accepts no compression, then the answers come as they are', async () => {
    const json = await wire(server, '/api/openapi.json', 'identity');
    expect(json.status).toBe(200);
    expect(json.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(json.body.toString())).toMatchObject({ openapi: expect.any(String) });
    const script = await wire(server, '/assets/index-Bx7a9k.js', 'identity');
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe(entryJs);
  });

  it.each([
    ['br', 'gzip, deflate, br', screenBrotli],
    ['gzip', 'gzip, deflate', screenGzip],
  ])(
    'when the build wrote a script compressed and the client accepts %s, then that copy goes as it is',
    async (encoding, accepted, copy) => {
      const script = await wire(server, '/assets/screen-C4e2.js', accepted);
      expect(script.status).toBe(200);
      expect(script.headers['content-encoding']).toBe(encoding);
      expect(script.headers['content-type']).toMatch(/javascript/);
      expect(script.headers.vary).toMatch(/Accept-Encoding/i);
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(script.body.equals(copy)).toBe(true);
      expect(decoded(encoding, script.body)).toBe(screenJs);
    },
  );

  it('when the build wrote a script compressed and the client accepts no compression, then the script comes as it is', async () => {
    const script = await wire(server, '/assets/screen-C4e2.js', 'identity');
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe(screenJs);
  });

  it('when an image is asked for, then it is not compressed again', async () => {
    const image = await wire(server, '/assets/photo-D3f1.png', 'gzip, br');
    expect(image.status).toBe(200);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4096);
  });

  it('when a hashed asset is asked for, then it may be kept for a year unchanged', async () => {
    const response = await request(testApp.app).get('/assets/index-Bx7a9k.js').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
  });

  it('when an asset of another release is asked for, then it is a 404, not index.html', async () => {
    const response = await request(testApp.app).get('/assets/index-0ld0ne.js').expect(404);
    expect(response.headers['content-type']).not.toMatch(/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).not.toContain('<!doctype html>');
  });

  it.each(['/', '/index.html', '/families/4b1e2a4e-0c55-4c5e-9a43-5a2f0b1f3c11'])(
    'when %s is opened, then index.html comes to be revalidated, and a revisit with its ETag is a 304',
    async (address) => {
      const first = await request(testApp.app).get(address).expect(200);
      expect(first.text).toBe(indexHtml);
      expect(first.headers['cache-control']).toBe('no-cache');
      const etag = first.headers.etag as string;
      expect(etag).toBeTruthy();

      const revisit = await request(testApp.app).get(address).set('If-None-Match', etag).expect(304);
      expect(revisit.text).toBeFalsy();
      expect(revisit.headers['cache-control']).toBe('no-cache');
    },
  );

  it.each([
    ['no languages', 'fi', undefined],
    ['Swedish as spoken in Finland first', 'sv', 'sv-FI,sv;q=0.9,en;q=0.8'],
    ['English', 'en', 'en-US,en;q=0.9'],
    ['only languages we do not have', 'fi', 'de-DE,de;q=0.9'],
    ['Finnish below English', 'en', 'fi;q=0.5,en;q=0.9'],
  ])(
    'when the sign-in page is opened without a session cookie by a browser with %s, then its pre-rendered page in %s comes',
    async (_browser, language, acceptLanguage) => {
      const page = request(testApp.app).get('/sign-in');
      if (acceptLanguage) void page.set('Accept-Language', acceptLanguage);
      const response = await page.expect(200);
      expect(response.text).toBe(signInHtml(language));
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/Cookie/);
      expect(response.headers.vary).toMatch(/Accept-Language/);
    },
  );

  it('when the sign-in page is opened with a session cookie, then index.html comes: the form must not flash by for someone signed in', async () => {
    const response = await request(testApp.app).get('/sign-in').set('Cookie', 'yhdessa_session=whatever').expect(200);
    expect(response.text).toBe(indexHtml);
    expect(response.headers.vary).toMatch(/Cookie/);
  });

  it('when another address is opened without a session cookie, then index.html comes, not the sign-in page', async () => {
    for (const address of ['/', '/sign-in/second-factor', '/sign-in/forgot-password']) {
      const response = await request(testApp.app).get(address).expect(200);
      expect(response.text).toBe(indexHtml);
    }
  });

  it('when the pre-rendered sign-in page is revisited with its ETag, then it is a 304', async () => {
    const first = await request(testApp.app).get('/sign-in').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    await request(testApp.app).get('/sign-in').set('If-None-Match', etag).expect(304);
  });

  it('when index.html is asked for compressed, then it comes compressed', async () => {
    const page = await wire(server, '/families', 'br');
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(decoded('br', page.body)).toBe(indexHtml);
  });

  it('when another file of the build is asked for, then it may be kept for a short while', async () => {
    const response = await request(testApp.app).get('/favicon.svg').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('when an API answer is sent, then it carries no ETag: it is not kept, so no hash of it is made', async () => {
    const json = await wire(server, '/api/openapi.json', 'identity');
    expect(json.status).toBe(200);
    expect(json.headers.etag).toBeUndefined();
  });

  it('when an unknown API route is asked for, then the answer stays problem+json', async () => {
    const response = await request(testApp.app).get('/api/no-such-route').set('Accept-Encoding', 'identity').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('when helmet is on, then the compressed page still carries the security headers', async () => {
    const page = await request(testApp.app).get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});
