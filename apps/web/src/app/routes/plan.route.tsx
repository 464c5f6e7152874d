import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconReceipt } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { noteVisibilities, type CurrentUser, type PlanAction } from '@yhdessa/shared';
import { lazy, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AfterFirstScreen } from '../../components/after-first-screen';
import { DisclosureForm } from '../../components/disclosure-form';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { ActionControls } from '../../features/actions/components/action-controls';
import { newActionDraft } from '../../features/actions/components/action-drafts';
import { CommentThread } from '../../features/comments/components/comment-thread';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { familiesQueryOptions } from '../../features/families/api/families.query';
import { handoverQueryOptions } from '../../features/families/api/handover.query';
import { CaseStatusControl } from '../../features/families/components/case-status-control';
import { FamilyMembers } from '../../features/families/components/family-members';
import { HandoverAnswer } from '../../features/families/components/handover-answer';
import { HandoverButton, PendingHandoverNotice } from '../../features/families/components/handover-control';
import { feedbackQueryOptions } from '../../features/feedback/api/feedback.query';
import { FamilyFeedback } from '../../features/feedback/components/family-feedback';
import { newGoalDraft, progressDraft } from '../../features/goals/components/goal-drafts';
import { GoalControls } from '../../features/goals/components/goal-controls';
import { PendingProgress } from '../../features/goals/components/pending-progress';
import { measurementsQueryOptions } from '../../features/measurements/api/measurements.query';
import { MeasurementPrompt } from '../../features/measurements/components/measurement-prompt';
import { PrintButton } from '../../features/print/components/print-button';
import { printAudiencesFor } from '../../features/print/print-audiences';
import { notesQueryOptions } from '../../features/notes/api/notes.query';
import type { NoteTarget } from '../../features/notes/components/notes-section';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { FamilyHome } from '../../features/plans/components/family-home';
import { PlanView } from '../../features/plans/components/plan-view';
import { reviewsQueryOptions } from '../../features/reviews/api/reviews.query';
import { LiveIndicator } from '../../features/realtime/components/live-indicator';
import { FamilyRoom, useFamilyRoomState } from '../../features/realtime/components/family-room';
import { PresenceLine } from '../../features/realtime/components/presence-line';
import { isApiError } from '../../lib/api-client';
import { localizeText, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { FamilyDataLinks } from '../family-data-links';
import { refreshAfterEvent } from '../refresh-on-event';
import { useLeaveRevokedFamily } from '../use-leave-family';
import { firstScreenDrawn } from '../../lib/first-screen';
import { whenIdle } from '../../lib/when-idle';

/** The sections behind other tabs and the forms behind buttons: their code loads when they are first shown. */
const ActivityFeed = lazy(() =>
  import('../../features/activity/components/activity-feed').then((m) => ({ default: m.ActivityFeed })),
);
const AddActionForm = lazy(() =>
  import('../../features/actions/components/add-action-form').then((m) => ({ default: m.AddActionForm })),
);
const AddGoalForm = lazy(() => import('../../features/goals/components/add-goal-form').then((m) => ({ default: m.AddGoalForm })));
const AddProgressForm = lazy(() =>
  import('../../features/goals/components/add-progress-form').then((m) => ({ default: m.AddProgressForm })),
);
const AssessmentSection = lazy(() =>
  import('../../features/assessments/components/assessment-section').then((m) => ({ default: m.AssessmentSection })),
);
const CoordinatorFeedback = lazy(() =>
  import('../../features/feedback/components/coordinator-feedback').then((m) => ({ default: m.CoordinatorFeedback })),
);
const InviteFamilyMemberForm = lazy(() =>
  import('../../features/invitations/components/invite-family-member-form').then((m) => ({ default: m.InviteFamilyMemberForm })),
);
const MeasurementsSection = lazy(() =>
  import('../../features/measurements/components/measurements-section').then((m) => ({ default: m.MeasurementsSection })),
);
const NotesSection = lazy(() =>
  import('../../features/notes/components/notes-section').then((m) => ({ default: m.NotesSection })),
);
const PlanServiceInvitations = lazy(() =>
  import('../plan-service-invitations').then((m) => ({ default: m.PlanServiceInvitations })),
);
const PlanVersions = lazy(() =>
  import('../../features/plan-versions/components/plan-versions').then((m) => ({ default: m.PlanVersions })),
);
const ProgramEnrolmentsSection = lazy(() =>
  import('../../features/program-enrolments/components/program-enrolments-section').then((m) => ({
    default: m.ProgramEnrolmentsSection,
  })),
);
const ReviewsSection = lazy(() =>
  import('../../features/reviews/components/reviews-section').then((m) => ({ default: m.ReviewsSection })),
);
const ServiceRoleControls = lazy(() =>
  import('../../features/service-roles/components/service-role-controls').then((m) => ({ default: m.ServiceRoleControls })),
);
const StorySection = lazy(() =>
  import('../../features/story/components/story-section').then((m) => ({ default: m.StorySection })),
);

// The print menu's popover code loads once the plan is drawn.
const PrintMenu = lazy(() => import('../../features/print/components/print-menu').then((m) => ({ default: m.PrintMenu })));

/** The print button's place while its menu's code loads, its size exactly: nothing beside it moves when it comes. Not shown, and nothing to press. */
function PrintButtonPlace() {
  return (
    <div aria-hidden style={{ visibility: 'hidden' }}>
      <PrintButton tabIndex={-1} />
    </div>
  );
}

/** The sections' code, fetched while the browser idles once the plan is on screen: a section first opened offline still opens. */
const sectionChunks = [
  () => import('../../features/story/components/story-section'),
  () => import('../../features/assessments/components/assessment-section'),
  () => import('../../features/measurements/components/measurements-section'),
  () => import('../../features/program-enrolments/components/program-enrolments-section'),
  () => import('../../features/reviews/components/reviews-section'),
  () => import('../../features/plan-versions/components/plan-versions'),
  () => import('../../features/feedback/components/coordinator-feedback'),
  () => import('../../features/notes/components/notes-section'),
  () => import('../../features/activity/components/activity-feed'),
  () => import('../../features/service-roles/components/service-role-controls'),
  () => import('../plan-service-invitations'),
];

function usePrefetchedSections(shown: boolean) {
  useEffect(() => {
    // Not before the plan is painted: the sections would compete with it for the line and the processor.
    if (!shown) return;
    let cancel = () => undefined as void;
    let cancelled = false;
    const prefetch = () => {
      for (const load of sectionChunks) load().catch(() => undefined);
    };
    void firstScreenDrawn.then(() => {
      if (!cancelled) cancel = whenIdle(prefetch, 5_000, 2_000);
    });
    return () => {
      cancelled = true;
      cancel();
    };
  }, [shown]);
}

/** The shared plan, its controls by what the user may do, and live updates from the family's room. */
export function PlanRoute() {
  // A handover's new coordinator could not join the family's room before accepting: the screen
  // starts again once they may, so it joins the room and reads the plan.
  const [accepted, setAccepted] = useState(0);
  return (
    <PlanRoom key={accepted}>
      <PlanScreen onHandoverAccepted={() => setAccepted((count) => count + 1)} />
    </PlanRoom>
  );
}

/** The family's room around its plan: the plan is not drawn again when the room's state changes, only its live parts. */
function PlanRoom({ children }: { children: ReactNode }) {
  const { familyId = '' } = useParams();
  const queryClient = useQueryClient();
  const leave = useLeaveRevokedFamily(familyId);
  return (
    <FamilyRoom
      familyId={familyId}
      // Any change, a withdrawn consent too, refetches what this user may still see.
      onEvent={(event) => refreshAfterEvent(queryClient, event)}
      // The plan is dropped at once and the user is told plainly why it went.
      onRevoked={leave}
    >
      {children}
    </FamilyRoom>
  );
}

function PlanLiveIndicator() {
  const { connected, connecting } = useFamilyRoomState();
  return <LiveIndicator connected={connected} connecting={connecting} />;
}

function PlanPresenceLine(props: { coordinatorName: string; serviceRoleNames: Record<string, string> }) {
  const { presence } = useFamilyRoomState();
  return <PresenceLine presence={presence} {...props} />;
}

function PlanScreen({ onHandoverAccepted }: { onHandoverAccepted: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { familyId = '' } = useParams();
  const plan = useQuery(planQueryOptions(familyId));
  const currentUser = useQuery(currentUserQueryOptions());
  usePageTitle(plan.data?.family.name ?? t('plan.pageTitle'));
  const forFamily = currentUser.data?.role === 'family';
  // The family's home tells what changed and when they meet next; the sections read the same caches.
  const notes = useInfiniteQuery({ ...notesQueryOptions(familyId), enabled: forFamily });
  const reviews = useQuery({ ...reviewsQueryOptions(familyId), enabled: forFamily });
  // A family member with one family comes straight here; only with several is there a list to go back to.
  const families = useQuery({ ...familiesQueryOptions(), enabled: forFamily });
  // The family's prompts (feedback, the meter) stand above its plan, its home tells what changed and
  // when they meet next, and the back link depends on its families: all read beside the plan and
  // drawn with it, so that nothing moves when they come.
  const feedback = useQuery({ ...feedbackQueryOptions(familyId), enabled: forFamily });
  const measurements = useQuery({ ...measurementsQueryOptions(familyId), enabled: forFamily });
  const onlyFamily = forFamily && families.data?.length === 1;

  const backLink = onlyFamily ? null : (
    <Anchor
      component={Link}
      to={paths.families}
      size="sm"
      mih={44}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={16} aria-hidden />
      {forFamily ? t('familyHome.backToFamilies') : t('app.backToFamilies')}
    </Anchor>
  );

  // Until the first answer of each, or its first failure: a part that fails shows its own error (its
  // retries must not hold the plan back, nor reading it again take the plan away).
  const familyHomeReading =
    forFamily && [families, feedback, measurements, notes, reviews].some((query) => !query.isFetched && query.failureCount === 0);
  const reading = plan.isPending || familyHomeReading;
  usePrefetchedSections(!reading && plan.isSuccess);

  if (reading) return <LoadingState />;
  const hidden = isApiError(plan.error, 'not_found') || isApiError(plan.error, 'validation_failed');
  // A failed background refetch keeps the plan on screen; losing access does not.
  if (plan.isError && (hidden || !plan.data)) {
    if (hidden && currentUser.data?.role === 'coordinator')
      return (
        <PendingHandoverOrNotFound
          familyId={familyId}
          me={currentUser.data}
          backLink={backLink}
          onAccepted={onHandoverAccepted}
        />
      );
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        <Title order={1}>{t('plan.pageTitle')}</Title>
        <ErrorState
          title={hidden ? t('plan.notFound') : t('plan.loadFailed')}
          onRetry={hidden ? undefined : () => void plan.refetch()}
        />
      </Stack>
    );
  }
  const data = plan.data;
  // What the user may do is the server's answer, on the plan, each role and each action.
  const { can } = data;
  const roleName = (role: (typeof data.serviceRoles)[number]) => localizeText(role.service.name, language);
  const roleNames = Object.fromEntries(data.serviceRoles.map((role) => [role.id, roleName(role)]));
  const goals = data.goals.map((goal) => ({ id: goal.id, title: goal.title }));
  const writable = [
    { serviceRoleId: null, label: t('notes.ownNote'), visibilities: can.writeNotes },
    ...data.serviceRoles.map((role) => ({ serviceRoleId: role.id, label: roleName(role), visibilities: role.can.writeNotes })),
  ].filter((target) => target.visibilities.length > 0);
  const noteTargets: NoteTarget[] = writable.map(({ serviceRoleId, label }) => ({ serviceRoleId, label }));
  // The family writes only notes it can read itself: then there is no choice to offer.
  const canChooseVisibility = writable.every((target) => noteVisibilities.every((each) => target.visibilities.includes(each)));
  const renderActionStatus = (action: PlanAction) => (
    <ActionControls familyId={familyId} action={action} goals={goals} forFamily={forFamily} />
  );

  return (
    <Stack gap="md">
      {backLink && <div className="no-print">{backLink}</div>}
      <PlanView
        plan={data}
        forFamily={forFamily}
        renderHome={(focusSection) => (
          <FamilyHome
            plan={data}
            notes={notes.data?.pages[0]?.notes ?? []}
            reviews={reviews.data ?? []}
            renderActionStatus={renderActionStatus}
            onSectionLinkFollowed={focusSection}
            extra={<FamilyDataLinks familyId={familyId} role="family" />}
          />
        )}
        headerExtra={<PlanLiveIndicator />}
        toolbar={
          <Stack gap="sm">
            <PlanPresenceLine coordinatorName={data.family.coordinator.name} serviceRoleNames={roleNames} />
            {/* The family is asked first thing on its plan (feedback, the meter); the coordinator finds the answers beside the reviews. */}
            {can.readFeedback && forFamily && (
              <FamilyFeedback familyId={familyId} coordinatorName={data.family.coordinator.name} />
            )}
            {can.handOver && <PendingHandoverNotice familyId={familyId} />}
            {forFamily && data.sharedParts.includes('measurements') && <MeasurementPrompt familyId={familyId} />}
            {currentUser.data && !forFamily && <FamilyDataLinks familyId={familyId} role={currentUser.data.role} />}
            <Group>
              {currentUser.data && printAudiencesFor(currentUser.data.role).length > 0 && (
                <AfterFirstScreen placeholder={<PrintButtonPlace />}>
                  <PrintMenu familyId={familyId} role={currentUser.data.role} />
                </AfterFirstScreen>
              )}
              {(can.readCosts || can.readUsageSummary) && (
                <Button
                  component={Link}
                  to={paths.costs(familyId)}
                  variant="default"
                  leftSection={<IconReceipt size={16} aria-hidden />}
                >
                  {can.readUsageSummary ? t('usage.summary.title') : t('costs.title')}
                </Button>
              )}
              {can.handOver && <HandoverButton familyId={familyId} />}
              {can.changeCaseStatus && <CaseStatusControl familyId={familyId} />}
            </Group>
          </Stack>
        }
        renderActionStatus={renderActionStatus}
        story={
          <StorySection
            familyId={familyId}
            canEdit={can.editStory}
            canComment={can.commentOnStory}
            canResolveComments={can.resolveStoryComments}
            shared={data.sharedParts.includes('story')}
          />
        }
        assessment={
          <AssessmentSection
            familyId={familyId}
            canEdit={can.editAssessment}
            forFamily={forFamily}
            shared={data.sharedParts.includes('assessment')}
          />
        }
        measurements={
          <MeasurementsSection familyId={familyId} shared={data.sharedParts.includes('measurements')} forFamily={forFamily} />
        }
        // Only the family and its coordinator may read its programmes; the API refuses services.
        programs={
          (forFamily || currentUser.data?.role === 'coordinator') && (
            <ProgramEnrolmentsSection familyId={familyId} members={data.members} forFamily={forFamily} />
          )
        }
        goalsExtra={
          can.addGoal && (
            <DisclosureForm label={t('goals.add')} draft={newGoalDraft(familyId)}>
              {(close) => <AddGoalForm familyId={familyId} offerLevels={can.changeGoals} onCancel={close} />}
            </DisclosureForm>
          )
        }
        renderGoalExtra={(goal) => (
          <Stack gap="xs" mt={4}>
            {can.changeGoals && <GoalControls familyId={familyId} goal={goal} />}
            <PendingProgress familyId={familyId} goalId={goal.id} />
            {can.addProgress && (
              <DisclosureForm label={t('goals.addProgress')} size="xs" draft={progressDraft(familyId, goal.id)}>
                {(close) => <AddProgressForm familyId={familyId} goal={goal} onCancel={close} />}
              </DisclosureForm>
            )}
            <CommentThread familyId={familyId} target={{ kind: 'goal', id: goal.id }} about={goal.title} />
          </Stack>
        )}
        renderActionExtra={(action) => (
          <CommentThread familyId={familyId} target={{ kind: 'action', id: action.id }} about={action.title} />
        )}
        membersExtra={
          can.inviteMember &&
          data.members.length > 0 && (
            <DisclosureForm label={t('inviteMember.open')}>
              {(close) => <InviteFamilyMemberForm familyId={familyId} members={data.members} onClose={close} />}
            </DisclosureForm>
          )
        }
        servicesExtra={<PlanServiceInvitations familyId={familyId} plan={data} role={currentUser.data?.role} />}
        renderRoleExtra={(role) =>
          role.can.addAction && (
            <DisclosureForm label={t('addAction.open')} size="xs" draft={newActionDraft(familyId, role.id)}>
              {(close) => (
                <AddActionForm
                  familyId={familyId}
                  serviceRoleId={role.id}
                  label={t('addAction.formLabel', { service: roleName(role) })}
                  goals={goals}
                  onCancel={close}
                />
              )}
            </DisclosureForm>
          )
        }
        renderRoleControls={(role) =>
          role.can.edit && (
            <ServiceRoleControls
              familyId={familyId}
              role={role}
              serviceName={roleName(role)}
              canEnd={role.can.end}
              canSetDates={role.can.setDates}
            />
          )
        }
        renderMembers={can.editMembers ? (list) => <FamilyMembers familyId={familyId} placeholder={list} /> : undefined}
        reviews={
          <ReviewsSection
            familyId={familyId}
            canManage={can.manageReviews}
            canPropose={can.proposeAgenda}
            versions={<PlanVersions familyId={familyId} />}
          />
        }
        feedback={
          can.readFeedback && currentUser.data?.role === 'coordinator' ? <CoordinatorFeedback familyId={familyId} /> : undefined
        }
        renderActivity={(shown) => <ActivityFeed familyId={familyId} forFamily={forFamily} enabled={shown} />}
        notes={
          <NotesSection
            familyId={familyId}
            targets={noteTargets}
            canChooseVisibility={canChooseVisibility}
            roleNames={roleNames}
            shared={data.sharedParts.includes('notes')}
          />
        }
      />
    </Stack>
  );
}

interface PendingHandoverOrNotFoundProps {
  familyId: string;
  me: CurrentUser;
  backLink: ReactNode;
  onAccepted: () => void;
}

/** A coordinator who cannot see the plan may be the one a handover waits for: then they answer it here. */
function PendingHandoverOrNotFound({ familyId, me, backLink, onAccepted }: PendingHandoverOrNotFoundProps) {
  const { t } = useTranslation();
  const handover = useQuery(handoverQueryOptions(familyId));
  if (handover.isPending) return <LoadingState />;
  return (
    <Stack gap="md" align="flex-start">
      {backLink}
      {handover.data ? (
        <HandoverAnswer handover={handover.data} me={me} onAccepted={onAccepted} />
      ) : (
        <>
          <Title order={1}>{t('plan.pageTitle')}</Title>
          <ErrorState title={t('plan.notFound')} />
        </>
      )}
    </Stack>
  );
}
