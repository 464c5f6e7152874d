/** What other features may use of service roles: the role an action or a note belongs to. */
export { findServiceRole } from './service-roles.repository';
