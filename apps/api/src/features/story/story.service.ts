import type {
  NewStoryComment,
  ResolveStoryComment,
  Story,
  StoryComment,
  StoryCommentParams,
  StoryHistory,
  UpdateStory,
} from '@yhdessa/shared';
import { authorizeFamily } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { presentStory, presentStoryComment, presentStoryRevision } from './story.presenter';
import {
  findStory,
  findStoryComment,
  insertStoryComment,
  listStoryComments,
  listStoryRevisions,
  resolveStoryCommentAt,
  saveStoryAt,
} from './story.repository';

/** The family tells its story once; every service it consents to share it with reads the same one. */
type FamilyContext = RouteContext<{ kind: 'family' }>;

/** Those who may not read the story do not learn that it exists: their refusals answer 404. */
const cannotReadStory = (context: FamilyContext) =>
  !authorizeFamily(context.actor, 'story:read', context.family.relation).allowed;

export async function readStory(familyId: string, context: FamilyContext): Promise<Story> {
  const basis = requireFamilyPermission(context, 'story:read', {
    resource: 'story',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const story = await currentStory(familyId, context);
  await context.audit({ familyId, action: 'read', resource: 'story', resourceId: familyId, outcome: 'allowed', basis });
  return story;
}

export async function updateStory(familyId: string, change: UpdateStory, context: FamilyContext): Promise<Story> {
  const { tx, actor } = context;
  const basis = requireFamilyPermission(context, 'story:update', {
    resource: 'story',
    resourceId: familyId,
    hideWhenForbidden: cannotReadStory(context),
    forbiddenDetail: 'Only the coordinator writes the story; the family can comment on it.',
  });
  const existing = await findStory(familyId, tx);
  await changeVersioned(context, {
    familyId,
    resource: 'story',
    resourceId: familyId,
    // A story nobody has saved yet is at version 1.
    versionNow: existing?.story.version ?? 1,
    basedOn: change.version,
    update: () =>
      saveStoryAt(
        familyId,
        {
          background: change.background,
          situation: change.situation,
          strengths: change.strengths,
          basedOnVersion: change.version,
          editedBy: actor.accountId,
          exists: existing !== null,
        },
        tx,
      ),
    current: () => currentStory(familyId, context),
    basis,
    event: 'story.updated',
  });
  return currentStory(familyId, context);
}

export async function readStoryHistory(familyId: string, context: FamilyContext): Promise<StoryHistory> {
  const basis = requireFamilyPermission(context, 'story:read', {
    resource: 'story-history',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const revisions = await listStoryRevisions(familyId, context.tx);
  await context.audit({ familyId, action: 'read', resource: 'story-history', resourceId: familyId, outcome: 'allowed', basis });
  return { revisions: revisions.map(presentStoryRevision) };
}

/** A family member comments on the story or asks for a correction; the coordinator sees it at once. */
export async function commentOnStory(familyId: string, comment: NewStoryComment, context: FamilyContext): Promise<StoryComment> {
  const basis = requireFamilyPermission(context, 'story:comment', {
    resource: 'story-comment',
    resourceId: familyId,
    hideWhenForbidden: cannotReadStory(context),
    forbiddenDetail: 'Only the family comments on its story.',
  });
  const row = await insertStoryComment(familyId, comment, context.actor.accountId, context.tx);
  await context.audit({
    familyId,
    action: 'create',
    resource: 'story-comment',
    resourceId: row.id,
    outcome: 'allowed',
    basis,
    detail: { kind: comment.kind },
  });
  await context.recordFamilyEvent({ type: 'story.commented', familyId, id: row.id, version: 1 });
  return presentStoryComment((await findStoryComment(familyId, row.id, context.tx))!);
}

export async function resolveStoryComment(
  { familyId, commentId }: StoryCommentParams,
  change: ResolveStoryComment,
  context: FamilyContext,
): Promise<StoryComment> {
  const { tx } = context;
  const basis = requireFamilyPermission(context, 'story:resolve-comment', {
    resource: 'story-comment',
    resourceId: commentId,
    hideWhenForbidden: cannotReadStory(context),
    forbiddenDetail: "Only the coordinator resolves the family's comments.",
  });
  const before = await findStoryComment(familyId, commentId, tx);
  if (!before) throw notFound('story comment');
  return changeVersioned(context, {
    familyId,
    resource: 'story-comment',
    resourceId: commentId,
    versionNow: presentStoryComment(before).version,
    basedOn: change.version,
    update: async () =>
      (await resolveStoryCommentAt(familyId, commentId, tx))
        ? presentStoryComment((await findStoryComment(familyId, commentId, tx))!)
        : null,
    current: async () => presentStoryComment((await findStoryComment(familyId, commentId, tx)) ?? before),
    basis,
    event: 'story.commentResolved',
  });
}

async function currentStory(familyId: string, context: FamilyContext): Promise<Story> {
  const [story, comments] = [await findStory(familyId, context.tx), await listStoryComments(familyId, context.tx)];
  return presentStory(familyId, story, comments);
}
