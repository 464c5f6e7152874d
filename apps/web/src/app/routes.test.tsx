import type { RouteObject } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { createAppRoutes } from './routes';

function lazyRoutes(routes: RouteObject[]): RouteObject[] {
  return routes.flatMap((route) => [...(route.lazy ? [route] : []), ...lazyRoutes(route.children ?? [])]);
}

describe('the routes', () => {
  it('when a route is matched, then its chunk gives the screen to draw', async () => {
    const routes = lazyRoutes(createAppRoutes(createQueryClient()));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const lazy = route.lazy as () => Promise<Pick<RouteObject, 'Component'>>;
      const loaded = await lazy();
      expect(typeof loaded.Component).toBe('function');
    }
  });
});
