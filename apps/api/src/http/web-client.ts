import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler, type Response } from 'express';

/**
 * Brotli where the client accepts it, else gzip, for every text answer above 1 KB: JSON of the
 * API, HTML, JS, CSS, SVG. Images and fonts are compressed already and pass as they are (the
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
export function serveWebClient(app: Express, webDist: string): void {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  app.use(
    '/assets',
    // Vite names every file under assets/ by a hash of its content: a changed file is a new address.
    express.static(path.join(webDist, 'assets'), { index: false, redirect: false, immutable: true, maxAge: '1y' }),
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
  app.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => sendIndex(res, indexFile));
}

function sendIndex(res: Response, indexFile: string): void {
  // send() answers a matching If-None-Match with 304 itself.
  res.sendFile(indexFile, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
}

const missingAsset: RequestHandler = (_req, res) => {
  res.status(404).setHeader('Cache-Control', 'no-store');
  res.type('text/plain').send('Not found');
};
