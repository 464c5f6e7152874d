import type { DraftKey } from '../../../lib/draft-storage';

// Apart from the forms: a plan knows of a waiting draft before it loads a form's code.

/** The family's unsaved new goal. */
export const newGoalDraft = (familyId: string): DraftKey => ({ familyId, form: 'newGoal' });

/** The unsaved entry of one goal's progress, kept until it is saved or cancelled. */
export const progressDraft = (familyId: string, goalId: string): DraftKey => ({ familyId, form: 'goalProgress', item: goalId });

/** The unsaved edit of one goal, kept until it is saved or cancelled. */
export const goalDraft = (familyId: string, goalId: string): DraftKey => ({ familyId, form: 'goal', item: goalId });
