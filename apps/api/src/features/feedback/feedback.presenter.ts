import type { FeedbackRequest } from '@yhdessa/shared';
import { authorizeFamily, readableFeedbackAnswer } from '../../access/family-policy';
import type { FamilyRelation } from '../../access/family-relation.repository';
import type { Actor } from '../../core/actor';
import type { FeedbackRequestRow } from './feedback.repository';

/**
 * One request as the reader may see it: whether it was answered, the answer only when
 * `readableFeedbackAnswer` allows, and what they may do with it, asked of the same policy as the routes.
 */
export function presentFeedbackRequest(row: FeedbackRequestRow, actor: Actor, relation: FamilyRelation): FeedbackRequest {
  const answeredBy = row.answeredAt && row.answeredById ? { id: row.answeredById, name: row.answeredByName ?? '' } : null;
  const may = (permission: 'feedback:answer' | 'feedback-permission:change') =>
    authorizeFamily(actor, permission, relation, { authorId: answeredBy?.id }).allowed;
  const showAnswer = answeredBy && readableFeedbackAnswer(actor, relation, row);
  return {
    id: row.id,
    occasion: row.occasion,
    openedAt: row.openedAt.toISOString(),
    answered: answeredBy !== null,
    answer: showAnswer
      ? {
          workedTogether: row.workedTogether,
          noRetelling: row.noRetelling,
          wouldRecommend: row.wouldRecommend,
          words: row.words,
          coordinatorMaySee: row.coordinatorMaySee,
          answeredBy,
          answeredAt: row.answeredAt!.toISOString(),
          version: row.version,
        }
      : null,
    can: {
      answer: answeredBy === null && may('feedback:answer'),
      changePermission: answeredBy !== null && may('feedback-permission:change'),
    },
  };
}
