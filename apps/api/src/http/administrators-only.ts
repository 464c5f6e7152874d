import type { RouteAccess } from './route';

/**
 * Administrators keep the organisations, the service catalogue and the accounts. Their routes
 * are theirs alone (everyone else gets 404, as for a route that does not exist), and none of
 * them opens case content: an administrator has no relationship to any family.
 */
export const administratorsOnly = { kind: 'signed-in', roles: ['admin'] } as const satisfies RouteAccess;
