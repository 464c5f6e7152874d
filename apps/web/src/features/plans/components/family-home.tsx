import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Note, Plan, PlanServiceRole, Review } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { finnishToday, formatDate, formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { ActionList, type RenderActionStatus } from './action-list';
import { changesSince, type PlanChange } from './changes-since';
import type { PlanSectionId } from './plan-sections';

/** The most changes listed; the rest are in their sections. */
const CHANGES_SHOWN = 8;

interface FamilyHomeProps {
  plan: Plan;
  /** The notes the family may read, newest first (the first page is enough for "what changed"). */
  notes: Note[];
  reviews: Review[];
  renderActionStatus: RenderActionStatus;
  /** After a link to another section is followed, e.g. to move the focus to its tab. */
  onSectionLinkFollowed: (section: PlanSectionId) => void;
  /** Last on the home, e.g. who may see the family's data and who has looked. */
  extra?: ReactNode;
}

function HomeBlock({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** "What happens next for us": the family's own tasks, the next meeting, the services' month, what changed, the goals. */
export function FamilyHome({ plan, notes, reviews, renderActionStatus, onSectionLinkFollowed, extra }: FamilyHomeProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = finnishToday();
  const ownTasks = plan.familyActions.filter((action) => action.status !== 'done');
  const nextMeeting = reviews
    .filter((review) => review.status === 'scheduled' && review.scheduledOn >= today)
    .sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn))[0];
  const openGoals = plan.goals.filter((goal) => goal.status === 'open');

  return (
    <Stack gap="md">
      <HomeBlock id="home-own-tasks" title={t('familyHome.ownTasksTitle')}>
        {ownTasks.length === 0 ? (
          <Text size="sm">{t('familyHome.noOwnTasks')}</Text>
        ) : (
          <ActionList actions={ownTasks} goals={plan.goals} renderStatus={renderActionStatus} forFamily />
        )}
      </HomeBlock>

      <HomeBlock id="home-next-meeting" title={t('familyHome.nextMeetingTitle')}>
        {nextMeeting ? (
          <>
            <Text fw={600} size="lg">
              {formatDate(nextMeeting.scheduledOn, language)}
            </Text>
            <Text size="sm">{t('familyHome.nextMeetingPropose')}</Text>
          </>
        ) : (
          <Text size="sm">{t('familyHome.noNextMeeting')}</Text>
        )}
        <SectionLink section="meetings" onFollow={() => onSectionLinkFollowed('meetings')}>
          {t('familyHome.openMeetings')}
        </SectionLink>
      </HomeBlock>

      <HomeBlock id="home-services-month" title={t('familyHome.servicesMonthTitle')}>
        <ServicesThisMonth roles={plan.serviceRoles} today={today} />
        <SectionLink section="services" onFollow={() => onSectionLinkFollowed('services')}>
          {t('familyHome.openServices')}
        </SectionLink>
      </HomeBlock>

      <HomeBlock id="home-changes" title={t('familyHome.changesTitle')}>
        <Changes plan={plan} notes={notes} reviews={reviews} />
      </HomeBlock>

      <HomeBlock id="home-goals" title={t('familyHome.goalsTitle')}>
        {!plan.sharedParts.includes('goals') || openGoals.length === 0 ? (
          <Text size="sm">{t('familyHome.noGoals')}</Text>
        ) : (
          <List spacing="xs" size="sm">
            {openGoals.map((goal) => {
              const latest = goal.progress.at(-1);
              return (
                <List.Item key={goal.id}>
                  <Text span fw={600} size="sm">
                    {goal.title}
                  </Text>
                  {latest && (
                    <Text size="sm">
                      {t('familyHome.goalLatest', { date: formatDate(latest.recordedOn, language), value: latest.value })}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
        )}
        <SectionLink section="goals" onFollow={() => onSectionLinkFollowed('goals')}>
          {t('familyHome.openGoals')}
        </SectionLink>
      </HomeBlock>

      {extra}
    </Stack>
  );
}

/** A link to another section of the plan: it changes the address, as the section menu does. */
function SectionLink({ section, onFollow, children }: { section: PlanSectionId; onFollow: () => void; children: ReactNode }) {
  return (
    <Button
      component={Link}
      to={{ search: `?section=${section}` }}
      onClick={onFollow}
      variant="light"
      mih={44}
      style={{ alignSelf: 'flex-start' }}
    >
      {children}
    </Button>
  );
}

/** Each service's open work due this month or earlier, or with no due date, and who helps. */
function ServicesThisMonth({ roles, today }: { roles: PlanServiceRole[]; today: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const month = today.slice(0, 7);
  const busy = roles
    .filter((role) => role.status === 'accepted')
    .map((role) => ({
      role,
      actions: role.actions.filter((action) => action.status !== 'done' && (!action.dueOn || action.dueOn.slice(0, 7) <= month)),
    }))
    .filter(({ actions }) => actions.length > 0);
  if (busy.length === 0) return <Text size="sm">{t('familyHome.noServicesThisMonth')}</Text>;
  return (
    <Stack gap="sm">
      {busy.map(({ role, actions }) => (
        <Stack key={role.id} gap={2}>
          <Title order={3} size="h5">
            {localizeText(role.service.name, language)}
          </Title>
          {role.responsibleWorker && (
            <Text size="sm">{t('familyHome.helper', { name: role.responsibleWorker.name, contact: role.service.contact })}</Text>
          )}
          <List size="sm" spacing={2}>
            {actions.map((action) => (
              <List.Item key={action.id}>
                {action.title} –{' '}
                {action.overdue
                  ? t('familyHome.late')
                  : action.dueOn
                    ? t('familyHome.dueBy', { date: formatDate(action.dueOn, language) })
                    : t(`familyHome.actionStatus.${action.status}`)}
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}

function Changes({ plan, notes, reviews }: { plan: Plan; notes: Note[]; reviews: Review[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!plan.lastVisitAt) return <Text size="sm">{t('familyHome.firstVisit')}</Text>;
  const since = formatDateTimeParts(plan.lastVisitAt, language);
  const changes = changesSince(plan.lastVisitAt, plan, notes, reviews);
  const serviceName = (serviceRoleId: string | null) => {
    const role = plan.serviceRoles.find((each) => each.id === serviceRoleId);
    return role ? localizeText(role.service.name, language) : t('familyHome.ourselves');
  };
  const describe = (change: PlanChange) => {
    switch (change.kind) {
      case 'action':
        return t('familyHome.change.action', {
          title: change.title,
          status: t(`familyHome.actionStatus.${change.status}`),
          who: serviceName(change.serviceRoleId),
        });
      case 'progress':
        return t('familyHome.change.progress', { goal: change.goal, value: change.value });
      case 'note':
        return t('familyHome.change.note', { author: change.author });
      case 'review':
        return t('familyHome.change.review', { date: formatDate(change.scheduledOn, language) });
    }
  };
  return (
    <>
      <Text size="sm">{t('familyHome.changesSince', since)}</Text>
      {changes.length === 0 ? (
        <Text size="sm">{t('familyHome.noChanges')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {changes.slice(0, CHANGES_SHOWN).map((change, index) => (
            <List.Item key={`${change.kind}-${change.at}-${index}`}>{describe(change)}</List.Item>
          ))}
        </List>
      )}
      {changes.length > CHANGES_SHOWN && (
        <Text size="sm">{t('familyHome.moreChanges', { count: changes.length - CHANGES_SHOWN })}</Text>
      )}
    </>
  );
}
