export { readRecentChangesOfCoordinator } from './activity.service';
