import type { FamilyEventType } from '@yhdessa/shared';

/** The kinds of change a person is told about in a summary, each a word in the UI. */
export type ChangeKind =
  | 'tasks'
  | 'goals'
  | 'notes'
  | 'story'
  | 'meetings'
  | 'services'
  | 'consents'
  | 'family'
  | 'costs'
  | 'measurements'
  | 'feedback'
  | 'comments';

/** A new event type in `@yhdessa/shared` fails the typecheck here until it is given a kind. */
export const changeKindOf = {
  'action.updated': 'tasks',
  'action.created': 'tasks',
  'action.commented': 'comments',
  'consent.changed': 'consents',
  'serviceRole.ended': 'services',
  'serviceRole.invited': 'services',
  'serviceRole.accepted': 'services',
  'serviceRole.declined': 'services',
  'serviceRole.updated': 'services',
  'goal.created': 'goals',
  'goal.updated': 'goals',
  'goalProgress.created': 'goals',
  'goal.commented': 'comments',
  'note.created': 'notes',
  'note.updated': 'notes',
  'review.created': 'meetings',
  'review.updated': 'meetings',
  'agendaItem.created': 'meetings',
  'plan.versioned': 'meetings',
  'family.created': 'family',
  'family.updated': 'family',
  'member.created': 'family',
  'member.updated': 'family',
  'handover.requested': 'family',
  'handover.accepted': 'family',
  'handover.declined': 'family',
  'story.updated': 'story',
  'story.commented': 'comments',
  'story.commentResolved': 'comments',
  'assessment.created': 'story',
  'assessment.updated': 'story',
  'usage.recorded': 'costs',
  'usage.updated': 'costs',
  'measurement.recorded': 'measurements',
  'measurement.updated': 'measurements',
  'feedback.requested': 'feedback',
  'feedback.answered': 'feedback',
  'feedback.updated': 'feedback',
  'program.enrolled': 'family',
  'program.ended': 'family',
} as const satisfies Record<FamilyEventType, ChangeKind>;
