import { z } from 'zod';
import { personRefSchema } from './families';
import { idSchema, isoDateTimeSchema } from './ids';

/** What a comment is on: one of the family's goals, or one action in the plan. */
export const commentTargetKinds = ['goal', 'action'] as const;
export const commentTargetKindSchema = z.enum(commentTargetKinds);
export type CommentTargetKind = z.infer<typeof commentTargetKindSchema>;

/** The longest comment on a goal or an action; the form counts down to it. */
export const commentMaxLength = 1_000;

/** One comment on a goal or an action, by a family member, the coordinator or a worker. */
export const commentSchema = z.object({
  id: idSchema,
  body: z.string(),
  author: personRefSchema,
  createdAt: isoDateTimeSchema,
});
export type Comment = z.infer<typeof commentSchema>;

/** The comments on one goal or action, oldest first, and whether the caller may add one. */
export const commentThreadSchema = z.object({
  comments: z.array(commentSchema),
  can: z.object({
    /** False for those who only read, and for everyone once the case is closed. */
    comment: z.boolean(),
  }),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const newCommentSchema = z.strictObject({
  body: z.string().trim().min(1).max(commentMaxLength),
});
export type NewComment = z.infer<typeof newCommentSchema>;
