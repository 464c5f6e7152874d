import { z } from 'zod';
import { personRefSchema } from './families';
import { idSchema, isoDateTimeSchema, versionSchema } from './ids';

const storyTextSchema = z.string().max(10_000);

export const storyCommentKinds = ['comment', 'correction-request'] as const;
export const storyCommentKindSchema = z.enum(storyCommentKinds);
export type StoryCommentKind = z.infer<typeof storyCommentKindSchema>;

/** A family member's comment on its story, or a request to correct it. Version 2 means resolved. */
export const storyCommentSchema = z.object({
  id: idSchema,
  kind: storyCommentKindSchema,
  body: z.string(),
  author: personRefSchema,
  createdAt: isoDateTimeSchema,
  resolvedAt: isoDateTimeSchema.nullable(),
  version: versionSchema,
});
export type StoryComment = z.infer<typeof storyCommentSchema>;

/** The family's story, told once. */
export const storySchema = z.object({
  familyId: idSchema,
  background: z.string(),
  situation: z.string(),
  strengths: z.string(),
  /** Null until someone first saves the story. */
  updatedBy: personRefSchema.nullable(),
  updatedAt: isoDateTimeSchema.nullable(),
  version: versionSchema,
  comments: z.array(storyCommentSchema),
});
export type Story = z.infer<typeof storySchema>;

export const updateStorySchema = z.strictObject({
  background: storyTextSchema,
  situation: storyTextSchema,
  strengths: storyTextSchema,
  /** The version the change is based on; a stale one answers 409. */
  version: versionSchema,
});
export type UpdateStory = z.infer<typeof updateStorySchema>;

export const storyRevisionSchema = z.object({
  version: versionSchema,
  background: z.string(),
  situation: z.string(),
  strengths: z.string(),
  editedBy: personRefSchema,
  editedAt: isoDateTimeSchema,
});
export type StoryRevision = z.infer<typeof storyRevisionSchema>;

/** Every saved version of the story, newest first. */
export const storyHistorySchema = z.object({ revisions: z.array(storyRevisionSchema) });
export type StoryHistory = z.infer<typeof storyHistorySchema>;

/** The longest comment on the story; the form counts down to it. */
export const storyCommentMaxLength = 2_000;

export const newStoryCommentSchema = z.strictObject({
  kind: storyCommentKindSchema,
  body: z.string().trim().min(1).max(storyCommentMaxLength),
});
export type NewStoryComment = z.infer<typeof newStoryCommentSchema>;

export const storyCommentParamsSchema = z.strictObject({ familyId: idSchema, commentId: idSchema });
export type StoryCommentParams = z.infer<typeof storyCommentParamsSchema>;

export const resolveStoryCommentSchema = z.strictObject({ version: versionSchema });
export type ResolveStoryComment = z.infer<typeof resolveStoryCommentSchema>;
