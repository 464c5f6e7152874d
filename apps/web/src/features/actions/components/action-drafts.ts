import type { DraftKey } from '../../../lib/draft-storage';

/** The unsaved new action of one part of the plan (a service's, or the family's own); apart from its form, so a plan knows of it before it loads the form's code. */
export const newActionDraft = (familyId: string, serviceRoleId: string | null): DraftKey => ({
  familyId,
  form: 'newAction',
  item: serviceRoleId ?? 'family',
});

/** The unsaved edit of one action, kept until it is saved or cancelled. */
export const actionDraft = (familyId: string, actionId: string): DraftKey => ({ familyId, form: 'action', item: actionId });
