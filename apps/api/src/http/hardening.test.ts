import request from 'supertest';
import { startTestApp, type TestApp } from '../test/test-app';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

describe('HTTP basics', () => {
  it('when /api/health is asked, then it answers ok with the database kind', async () => {
    const response = await request(testApp.app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('when the database does not answer, then health answers 503', async () => {
    const broken = await startTestApp();
    await broken.database.close();
    const response = await request(broken.app).get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body.status).toBe('unavailable');
  });

  it('when any API answer goes out, then it carries no-store, nosniff, a strict CSP and no x-powered-by', async () => {
    const response = await request(testApp.app).get('/api/health');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/object-src 'none'/);
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('when an unknown API path is asked, then 404 problem+json, not HTML', async () => {
    const response = await request(testApp.app).get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when demo mode is off, then /api/demo/accounts does not exist', async () => {
    await request(testApp.app).get('/api/demo/accounts').expect(404);
  });

  it('when a write comes from another site, then it is refused before it touches anything', async () => {
    const foreignOrigin = await request(testApp.app)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: 'a@b.example', password: 'x' });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.body.code).toBe('forbidden');
    const crossSite = await request(testApp.app).post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site');
    expect(crossSite.status).toBe(403);
    const sameOrigin = await request(testApp.app)
      .post('/api/auth/logout')
      .set('Origin', 'http://127.0.0.1')
      .set('Host', '127.0.0.1');
    expect(sameOrigin.status).toBe(204);
  });

  it('when sign-in is tried too often from one address, then 429 without saying whether the account exists', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, { database: testApp.database });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await request(limited.app).post('/api/auth/login').send({ email: 'nobody@test.example', password: 'x' }).expect(401);
      }
      const response = await request(limited.app).post('/api/auth/login').send({ email: 'nobody@test.example', password: 'x' });
      expect(response.status).toBe(429);
      expect(response.body.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('when the Origin names another scheme or port than the request came in on, then the write is refused; PUBLIC_URL is always this origin', async () => {
    const logout = (origin: string, host = '127.0.0.1') =>
      request(testApp.app).post('/api/auth/logout').set('Origin', origin).set('Host', host);
    expect((await logout('https://127.0.0.1')).status).toBe(403);
    expect((await logout('http://127.0.0.1:8080')).status).toBe(403);
    expect((await logout('http://127.0.0.1')).status).toBe(204);
    // PUBLIC_URL is http://localhost:3000 here: a TLS-terminating proxy's public address keeps working.
    expect((await logout('http://localhost:3000', 'yhdessa.internal:3000')).status).toBe(204);
  });

  it('when X-Forwarded-Proto comes from a proxy that is not trusted, then it is ignored; from a trusted one it counts', async () => {
    const forwarded = (app: TestApp) =>
      request(app.app)
        .post('/api/auth/logout')
        .set('Origin', 'https://127.0.0.1')
        .set('Host', '127.0.0.1')
        .set('X-Forwarded-Proto', 'https');
    expect((await forwarded(testApp)).status).toBe(403);
    const behindProxy = await startTestApp({ TRUST_PROXY: 'loopback' }, { database: testApp.database });
    try {
      expect((await forwarded(behindProxy)).status).toBe(204);
    } finally {
      await behindProxy.close();
    }
  });

  it('when no proxy is trusted, then X-Forwarded-For cannot dodge the sign-in rate limit', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, { database: testApp.database });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1)
        statuses.push(
          (
            await request(limited.app)
              .post('/api/auth/login')
              .set('X-Forwarded-For', `203.0.113.${attempt}`)
              .send({ email: 'nobody@test.example', password: 'x' })
          ).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
