import type { Express, Router } from 'express';
import { infrastructureRoutes } from '../app';
import { apiRoutes } from '../routes';
import { startTestApp, type TestApp } from '../test/test-app';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ DEMO: '1' });
});
afterAll(() => testApp.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: Router & { stack?: Layer[] };
  matchers?: unknown;
}

/** Every method+path Express would answer under /api, read from the router itself. */
function mountedApiRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix || '/api');
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found.sort();
}

describe('the route table', () => {
  it('when the app is built, then every mounted route is a declared route with an access rule or a listed public one', () => {
    const declared = apiRoutes(testApp.config).map((route) => `${route.method.toUpperCase()} /api${route.path}`);
    const infrastructure = infrastructureRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    const mounted = mountedApiRoutes(testApp.app);
    expect(mounted.length).toBeGreaterThan(5);
    expect(mounted).toEqual([...declared, ...infrastructure].sort());
  });

  it('when a route is declared, then it states who may call it, and a public one says why', () => {
    for (const route of apiRoutes(testApp.config)) {
      expect(['public', 'signed-in', 'family']).toContain(route.access.kind);
      if (route.access.kind === 'public') expect(route.access.why.length).toBeGreaterThan(10);
      if (route.access.kind === 'family') expect(route.path).toMatch(/^\/families\/:familyId(\/|$)/);
      if (route.access.kind === 'signed-in') expect(route.access.roles.length).toBeGreaterThan(0);
    }
    for (const route of infrastructureRoutes) expect(route.why.length).toBeGreaterThan(10);
  });

  it('when /api/openapi.json is read, then it is OpenAPI 3.1 with every declared route', async () => {
    const response = await (await import('supertest')).default(testApp.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    for (const route of apiRoutes(testApp.config)) {
      const path = '/api' + route.path.replace(/:(\w+)/g, '{$1}');
      expect(response.body.paths[path]?.[route.method]).toBeDefined();
    }
    const patch = response.body.paths['/api/families/{familyId}/actions/{actionId}'].patch;
    expect(patch.requestBody.content['application/json'].schema.properties.status.enum).toEqual([
      'planned',
      'in_progress',
      'done',
    ]);
  });
});
