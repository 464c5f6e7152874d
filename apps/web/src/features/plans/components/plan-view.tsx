import { Alert, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Goal, Plan, PlanAction, PlanServiceRole } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FamilyStatusBadge } from '../../../components/family-status-badge';
import { ActionList, type RenderActionStatus } from './action-list';
import { GoalAttainmentSummary } from './goal-attainment-summary';
import { GoalList } from './goal-list';
import { MemberList } from './member-list';
import { ServiceRoleCard } from './service-role-card';

interface PlanViewProps {
  plan: Plan;
  /** The status control of one action; the app layer supplies it. */
  renderActionStatus: RenderActionStatus;
  /** Under one action, e.g. its comments. */
  renderActionExtra?: (action: PlanAction) => ReactNode;
  /** Shown next to the status, e.g. whether live updates are on. */
  headerExtra?: ReactNode;
  /** Shown under the heading, before the plan itself, e.g. links to the family's consents. */
  toolbar?: ReactNode;
  /** The family's story, told once; the app layer supplies it. */
  story?: ReactNode;
  /** The joint needs assessment by domain; the app layer supplies it. */
  assessment?: ReactNode;
  /** The family's own wellbeing meter over time, or that it is not shared; the app layer supplies it. */
  measurements?: ReactNode;
  /** The family's outcome-based programmes, a whole section with its own heading (it may render nothing). */
  programs?: ReactNode;
  /** Under the goals, e.g. a form to add one. */
  goalsExtra?: ReactNode;
  /** Under one goal, e.g. a form to record progress. */
  renderGoalExtra?: (goal: Goal) => ReactNode;
  /** Under the members, e.g. inviting one to sign in. */
  membersExtra?: ReactNode;
  /** Under the services, e.g. inviting one from the catalogue. */
  servicesExtra?: ReactNode;
  /** Under one service role's actions, e.g. a form to add one. */
  renderRoleExtra?: (role: PlanServiceRole) => ReactNode;
  /** Under one service role's details, e.g. changing or ending the role. */
  renderRoleControls?: (role: PlanServiceRole) => ReactNode;
  /** The members box's content when the user may change it, given the plain list; the plain list otherwise. */
  renderMembers?: (list: ReactNode) => ReactNode;
  /** The latest notes and how to add one. */
  notes?: ReactNode;
  /** The reviews and plan versions. */
  reviews?: ReactNode;
  /** What the family has said of its experience, as the reader may see it. */
  feedback?: ReactNode;
}

function PlanSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The whole plan on one screen: goals and members first, then every service's part, then the family's own. */
export function PlanView({
  plan,
  renderActionStatus,
  renderActionExtra,
  headerExtra,
  toolbar,
  story,
  assessment,
  measurements,
  programs,
  goalsExtra,
  renderGoalExtra,
  membersExtra,
  servicesExtra,
  renderRoleExtra,
  renderRoleControls,
  renderMembers,
  notes,
  reviews,
  feedback,
}: PlanViewProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" className="plan-view">
      <Stack gap={6}>
        <Title order={1}>{plan.family.name}</Title>
        <Group gap="sm">
          <FamilyStatusBadge status={plan.family.status} />
          <Text size="sm">{t('plan.coordinator', { name: plan.family.coordinator.name })}</Text>
          {headerExtra}
        </Group>
        {plan.family.status === 'closed' && (
          <Alert color="gray" variant="outline" icon={<IconLock aria-hidden />} title={t('plan.closedTitle')} mt="xs">
            {t('plan.closed')}
          </Alert>
        )}
      </Stack>
      {toolbar && <div className="no-print">{toolbar}</div>}
      {story && (
        <PlanSection id="plan-story" title={t('story.sectionTitle')}>
          {story}
        </PlanSection>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <PlanSection id="plan-goals" title={t('plan.goalsTitle')}>
            {plan.sharedParts.includes('goals') ? (
              <>
                <GoalAttainmentSummary attainment={plan.attainment} />
                <GoalList plan={plan} renderExtra={renderGoalExtra} />
              </>
            ) : (
              <Text size="sm">{t('plan.goalsNotShared')}</Text>
            )}
            {goalsExtra}
          </PlanSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PlanSection id="plan-members" title={t('plan.membersTitle')}>
            <Paper withBorder p="md">
              {renderMembers ? renderMembers(<MemberList members={plan.members} />) : <MemberList members={plan.members} />}
            </Paper>
            {membersExtra}
          </PlanSection>
        </Grid.Col>
      </Grid>
      <PlanSection id="plan-services" title={t('plan.servicesTitle')}>
        {plan.serviceRoles.length === 0 && <Text size="sm">{t('plan.noServices')}</Text>}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {plan.serviceRoles.map((role) => (
            <ServiceRoleCard
              key={role.id}
              role={role}
              renderActionStatus={renderActionStatus}
              goals={plan.goals}
              renderActionExtra={renderActionExtra}
              extra={renderRoleExtra?.(role)}
              controls={renderRoleControls?.(role)}
            />
          ))}
        </SimpleGrid>
        {servicesExtra}
      </PlanSection>
      <PlanSection id="plan-family-actions" title={t('plan.familyActionsTitle')}>
        <Paper withBorder p="md">
          <ActionList
            actions={plan.familyActions}
            goals={plan.goals}
            renderStatus={renderActionStatus}
            renderExtra={renderActionExtra}
          />
        </Paper>
      </PlanSection>
      {assessment && (
        <PlanSection id="plan-assessment" title={t('assessment.sectionTitle')}>
          {assessment}
        </PlanSection>
      )}
      {measurements && (
        <PlanSection id="plan-measurements" title={t('measurements.title')}>
          {measurements}
        </PlanSection>
      )}
      {programs}
      {reviews && (
        <PlanSection id="plan-reviews" title={t('reviews.sectionTitle')}>
          {reviews}
        </PlanSection>
      )}
      {feedback && (
        <PlanSection id="plan-feedback" title={t('feedback.sectionTitle')}>
          {feedback}
        </PlanSection>
      )}
      {notes && (
        <PlanSection id="plan-notes" title={t('notes.sectionTitle')}>
          {notes}
        </PlanSection>
      )}
    </Stack>
  );
}
