/** What other features may use of actions: an action as the plan and the workspace read and show it. */
export { presentAction } from './action.presenter';
export { actionColumns, actionIsOverdue, type ActionRow } from './actions.repository';
export { takesActions } from './actions.service';
