import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { buildAccount, buildFamily, buildOrganisation } from '../test/factories';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { requestLogger } from './request-log';

jest.setTimeout(30_000);

const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-request-log-'));
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Yhdessä</title>');
fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app")');
afterAll(() => fs.rmSync(webDist, { recursive: true, force: true }));

function captured() {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  return { sink, written };
}

/** The pretty printer hands lines on a turn of the event loop later. */
async function settled(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('request lines in JSON', () => {
  const { sink, written } = captured();
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp(
      { WEB_DIST: webDist },
      { logger: createLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, sink) },
    );
  });
  afterAll(() => testApp.close());

  const lines = () =>
    written
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const lineOf = (reqId: string) => lines().find((line) => line.reqId === reqId);

  it('when a coordinator reads a plan, then one line holds the method, route pattern, status, time, request id and account id, and nothing else of the request', async () => {
    const db = testApp.database.db;
    const organisation = await buildOrganisation(db);
    const coordinator = await buildAccount(db, { role: 'coordinator', organisationId: organisation.id });
    const family = await buildFamily(db, { coordinatorId: coordinator.id });
    const agent = await signInAs(testApp.app, coordinator);

    const response = await agent.get(`/api/families/${family.id}/plan?view=full`).set('User-Agent', 'kirjasto/1.0').expect(200);

    const reqId = response.headers['x-request-id'] as string;
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const line = lineOf(reqId)!;
    expect(Object.keys(line).sort()).toEqual(
      ['actor', 'hostname', 'level', 'method', 'msg', 'path', 'pid', 'reqId', 'responseTime', 'status', 'time'].sort(),
    );
    expect(line).toMatchObject({
      level: 30,
      method: 'GET',
      path: '/api/families/:familyId/plan',
      status: 200,
      actor: coordinator.id,
      msg: expect.stringMatching(/^GET \/api\/families\/:familyId\/plan 200 \d+ms$/),
    });
    expect(typeof line.responseTime).toBe('number');
    const text = JSON.stringify(line);
    for (const absent of [family.id, coordinator.email, coordinator.name, 'kirjasto', 'view=full'])
      expect(text).not.toContain(absent);
  });

  it('when a route refuses, then the line names the route pattern and the refusal status', async () => {
    const response = await request(testApp.app).get(`/api/families/${randomUUID()}/plan`).expect(401);
    expect(lineOf(response.headers['x-request-id'] as string)).toMatchObject({
      level: 30,
      path: '/api/families/:familyId/plan',
      status: 401,
    });
  });

  it('when a health check or a static file is served, then its line is at debug; a page of the web client is at info', async () => {
    const health = await request(testApp.app).get('/api/health').expect(200);
    const asset = await request(testApp.app).get('/assets/app.js').expect(200);
    const page = await request(testApp.app).get(`/families/${randomUUID()}`).expect(200);

    expect(lineOf(health.headers['x-request-id'] as string)).toMatchObject({ level: 20, path: '/api/health' });
    expect(lineOf(asset.headers['x-request-id'] as string)).toMatchObject({ level: 20, path: '/assets/app.js' });
    expect(lineOf(page.headers['x-request-id'] as string)).toMatchObject({ level: 30, path: '/families/:id' });
  });

  it('when a proxy in front passes a request id, then the line and the answer carry it; a malformed one is replaced', async () => {
    const passed = await request(testApp.app).get('/api/health').set('X-Request-Id', 'nginx-5f2c9a1b7e').expect(200);
    expect(passed.headers['x-request-id']).toBe('nginx-5f2c9a1b7e');
    expect(lineOf('nginx-5f2c9a1b7e')).toMatchObject({ path: '/api/health' });

    const replaced = await request(testApp.app).get('/api/health').set('X-Request-Id', 'bad id {"level":60}').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(written.join('')).not.toContain('bad id');
  });
});

describe('request lines at a terminal', () => {
  it('when a signed-in professional reads a plan, then the line reads at a glance: time, level, method, route pattern, status, time taken, request and account', async () => {
    const { sink, written } = captured();
    const testApp = await startTestApp({}, { logger: createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }, sink) });
    try {
      const db = testApp.database.db;
      const coordinator = await buildAccount(db, { role: 'coordinator' });
      const family = await buildFamily(db, { coordinatorId: coordinator.id });
      const agent = await signInAs(testApp.app, coordinator);
      await settled();
      written.length = 0;

      const response = await agent.get(`/api/families/${family.id}/plan`).expect(200);
      await request(testApp.app).get('/api/health').expect(200);
      await settled();

      expect(written).toHaveLength(1);
      const reqId = response.headers['x-request-id'] as string;
      expect(written[0]).toMatch(
        new RegExp(
          String.raw`^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET /api/families/:familyId/plan 200 \d+ms  \(req ${reqId}, actor ${coordinator.id}\)\n$`,
        ),
      );
    } finally {
      await testApp.close();
    }
  });

  it('when a handler fails, then the request line is at error and the error with its stack follows under the same request id', async () => {
    const { sink, written } = captured();
    const app = express();
    app.use(requestLogger(createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }, sink)));
    app.get('/api/broken', (req, res) => {
      req.log.error({ err: new Error('the disk is full') }, 'unhandled error');
      res.status(500).end();
    });

    const response = await request(app).get('/api/broken').expect(500);
    await settled();

    const reqId = response.headers['x-request-id'] as string;
    const log = written.join('');
    expect(log).toMatch(new RegExp(String.raw`ERROR: unhandled error  \(req ${reqId}\)`));
    expect(log).toContain('the disk is full');
    expect(log).toMatch(new RegExp(String.raw`ERROR: GET /api/broken 500 \d+ms  \(req ${reqId}\)`));
  });
});

describe('the log format', () => {
  it('when nothing is set, then production logs JSON and every other environment pretty lines; LOG_FORMAT overrides either', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587' };
    expect(loadConfig(production).LOG_FORMAT).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development' }).LOG_FORMAT).toBe('pretty');
    expect(loadConfig({}).LOG_FORMAT).toBe('pretty');
    expect(loadConfig({ ...production, LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
