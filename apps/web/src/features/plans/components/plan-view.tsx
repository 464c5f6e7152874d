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
import {
  familySections,
  PlanSectionMenu,
  type PlanSectionId,
  PlanSectionPanel,
  planSectionTabId,
  professionalSections,
  usePlanSection,
} from './plan-sections';
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
  /** What has changed in the family, given whether its section is open; the app layer supplies it. */
  renderActivity?: (shown: boolean) => ReactNode;
  /** The reader is a family member: their home comes first and the plan speaks to them in plain words. */
  forFamily?: boolean;
  /** The family's home, "what happens next for us", given how to focus a section opened from it; the app layer supplies it. */
  renderHome?: (focusSection: (section: PlanSectionId) => void) => ReactNode;
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

/**
 * The plan in sections, one shown at a time behind a section menu (all of them print). The
 * family starts at its home; professionals at the overview of goals and members.
 */
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
  forFamily = false,
  renderHome,
  renderActivity,
}: PlanViewProps) {
  const { t } = useTranslation();
  const sections = forFamily ? familySections : professionalSections;
  const [current, choose] = usePlanSection(sections);
  // A section opened from a link further down starts at its tab, which takes the focus.
  const focusSection = (section: PlanSectionId) =>
    requestAnimationFrame(() => document.getElementById(planSectionTabId(section))?.focus());
  const panel = (section: PlanSectionId, children: ReactNode) => (
    <PlanSectionPanel section={section} current={current}>
      <Stack gap="xl">{children}</Stack>
    </PlanSectionPanel>
  );

  const goalsSection = (
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
  );
  const membersSection = (
    <PlanSection id="plan-members" title={t('plan.membersTitle')}>
      <Paper withBorder p="md">
        {renderMembers ? renderMembers(<MemberList members={plan.members} />) : <MemberList members={plan.members} />}
      </Paper>
      {membersExtra}
    </PlanSection>
  );

  return (
    <Stack gap="lg" className="plan-view">
      <Stack gap={6}>
        <Title order={1}>{plan.family.name}</Title>
        <Group gap="sm">
          <FamilyStatusBadge status={plan.family.status} />
          <Text size="sm">
            {forFamily
              ? t('familyHome.coordinator', { name: plan.family.coordinator.name })
              : t('plan.coordinator', { name: plan.family.coordinator.name })}
          </Text>
          {headerExtra}
        </Group>
        {plan.family.status === 'closed' && (
          <Alert color="gray" variant="outline" icon={<IconLock aria-hidden />} title={t('plan.closedTitle')} mt="xs">
            {t('plan.closed')}
          </Alert>
        )}
      </Stack>
      {toolbar && <div className="no-print">{toolbar}</div>}
      <PlanSectionMenu sections={sections} current={current} onChange={choose} forFamily={forFamily} />
      {forFamily ? (
        <>
          {/* The home repeats the rest in brief, so it stays off paper. */}
          <PlanSectionPanel section="home" current={current} printed={false}>
            {renderHome?.(focusSection)}
          </PlanSectionPanel>
          {panel('goals', goalsSection)}
        </>
      ) : (
        panel(
          'overview',
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>{goalsSection}</Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>{membersSection}</Grid.Col>
          </Grid>,
        )
      )}
      {panel(
        'services',
        <>
          {/* The family's own tasks first: they are what the family itself does. */}
          <PlanSection id="plan-family-actions" title={t('plan.familyActionsTitle')}>
            <Paper withBorder p="md">
              <ActionList
                actions={plan.familyActions}
                goals={plan.goals}
                renderStatus={renderActionStatus}
                renderExtra={renderActionExtra}
                forFamily={forFamily}
              />
            </Paper>
          </PlanSection>
          <PlanSection id="plan-services" title={forFamily ? t('familyHome.servicesTitle') : t('plan.servicesTitle')}>
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
                  forFamily={forFamily}
                />
              ))}
            </SimpleGrid>
            {servicesExtra}
          </PlanSection>
        </>,
      )}
      {panel(
        'story',
        <>
          {story && (
            <PlanSection id="plan-story" title={t('story.sectionTitle')}>
              {story}
            </PlanSection>
          )}
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
        </>,
      )}
      {panel(
        'meetings',
        <>
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
        </>,
      )}
      {panel(
        'notes',
        notes && (
          <PlanSection id="plan-notes" title={t('notes.sectionTitle')}>
            {notes}
          </PlanSection>
        ),
      )}
      {forFamily && panel('members', membersSection)}
      {/* A record of changes, not a part of the plan: it stays off paper. */}
      <PlanSectionPanel section="activity" current={current} printed={false}>
        <PlanSection id="plan-activity" title={t('activity.title')}>
          {renderActivity?.(current === 'activity')}
        </PlanSection>
      </PlanSectionPanel>
    </Stack>
  );
}
