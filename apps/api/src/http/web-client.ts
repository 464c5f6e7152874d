import fs from 'node:fs';
import path from 'node:path';
import { languages } from '@yhdessa/shared';
import compression from 'compression';
import { parse as parseCookie } from 'cookie';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * Brotli where the client accepts it, else gzip, for every text answer above 1 KB: JSON of the
 * API, HTML, and the files of the build that come without their compressed copies. Images and fonts are compressed already and pass as they are (the
 * filter asks the media type). socket.io never reaches Express (server.ts), so neither its
 * polling nor its WebSocket goes through here; no route streams its answer.
 */
export function compressResponses(): RequestHandler {
  return compression();
}

/** Kept, but asked again each time: a new release reaches the next page load (304 while it is unchanged). */
const REVALIDATE = 'no-cache';
/** favicon and other files copied from public/ keep their names across releases. */
const SHORT_MAX_AGE = '1h';

/**
 * The built web client on the same origin. Hashed assets are cached for a year; a missing one is a
 * 404 (an old page asking for a file of an earlier release must fail, not parse index.html as
 * JavaScript); every other path outside /api gets index.html for the client's own routing.
 */
export function serveWebClient(app: Express, webDist: string, sessionCookie: string): void {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  app.use(
    '/assets',
    // The build writes each script and stylesheet compressed beside it, smaller than compressResponses
    // can afford per request (apps/web/precompress.plugin.ts); those go as they are, in the encoding the
    // client prefers. Vite names every file under assets/ by a hash of its content: a changed file is a
    // new address.
    expressStaticGzip(path.join(webDist, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, redirect: false, immutable: true, maxAge: '1y' },
    }),
    missingAsset,
  );
  app.use(
    express.static(webDist, {
      index: false,
      maxAge: SHORT_MAX_AGE,
      setHeaders: (res, file) => {
        if (file === indexFile) res.setHeader('Cache-Control', REVALIDATE);
      },
    }),
  );
  const signInPage = prerenderedSignIn(webDist);
  app.get(/^(?!\/api\/|\/socket\.io\/).*/, (req, res) => {
    if (req.path !== SIGN_IN_PATH || !signInPage) return sendPage(res, indexFile);
    // The same address answers by the cookie and the languages: a cache must keep them apart. Whether
    // a session cookie is still valid is the API's question, asked by the page's script.
    res.vary('Cookie').vary('Accept-Language');
    const signedIn = Boolean(parseCookie(req.headers.cookie ?? '')[sessionCookie]);
    sendPage(res, signedIn ? indexFile : signInPage(req));
  });
}

/** The web client's own sign-in address (apps/web/src/lib/paths.ts). */
const SIGN_IN_PATH = '/sign-in';

/**
 * The web build pre-renders the sign-in page in each language (apps/web/prerender.plugin.ts): a
 * browser without a session gets the form as HTML in the first of its languages that we have,
 * painted before the JavaScript arrives. A browser with a session cookie gets index.html, whose
 * script decides where to go, so nobody signed in sees the form flash by.
 */
function prerenderedSignIn(webDist: string): ((req: Request) => string) | undefined {
  const files = new Map<string, string>(
    languages.map((language) => [language, path.join(webDist, 'prerendered', `sign-in.${language}.html`)]),
  );
  if (![...files.values()].every((file) => fs.existsSync(file))) return undefined;
  return (req) => files.get(req.acceptsLanguages(...languages) || 'fi')!;
}

function sendPage(res: Response, file: string): void {
  // send() answers a matching If-None-Match with 304 itself.
  res.sendFile(file, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
}

const missingAsset: RequestHandler = (_req, res) => {
  res.status(404).setHeader('Cache-Control', 'no-store');
  res.type('text/plain').send('Not found');
};
