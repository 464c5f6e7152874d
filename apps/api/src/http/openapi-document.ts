import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { healthSchema, problemSchema } from '@yhdessa/shared';
import { type z } from 'zod';
import type { AnyRoute } from './route';

const commonErrors = [400, 401, 404, 413, 415, 500];

const problemContent = { 'application/problem+json': { schema: problemSchema } };

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'yhdessa_session' });

  for (const route of routes) {
    const statuses = [...new Set([...commonErrors, ...(route.errors ?? [])])].sort();
    registry.registerPath({
      method: route.method,
      path: '/api' + route.path.replace(/:(\w+)/g, '{$1}'),
      summary: route.summary,
      tags: [route.tag],
      security: route.access.kind === 'public' ? [] : [{ session: [] }],
      request: {
        params: route.params as z.ZodObject | undefined,
        query: route.query as z.ZodObject | undefined,
        body: route.body ? { content: { [route.bodyType ?? 'application/json']: { schema: route.body } } } : undefined,
      },
      responses: {
        [route.response.status]: {
          description: route.response.description,
          ...(route.response.status === 204 ? {} : { content: { 'application/json': { schema: route.response.schema } } }),
        },
        ...Object.fromEntries(
          statuses.map((status) => [status, { description: 'Problem details (RFC 9457)', content: problemContent }]),
        ),
      },
    });
  }

  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['health'],
    responses: {
      200: { description: 'Up', content: { 'application/json': { schema: healthSchema } } },
      503: { description: 'The database does not answer', content: { 'application/json': { schema: healthSchema } } },
    },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Yhdessä API', version: '0.1.0', description: 'One shared plan for every family.' },
    servers: [{ url: '/' }],
  });
}
