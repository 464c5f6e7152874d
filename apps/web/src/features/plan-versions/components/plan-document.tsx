import { Stack, Text, Title } from '@mantine/core';
import {
  attainmentLevels,
  attainmentScaleKeys,
  storyDiffFields,
  type Action,
  type Assessment,
  type FrozenStory,
  type Goal,
  type PlanSnapshot,
  type ServiceRole,
} from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import classes from './plan-document.module.css';
import { useServiceRolePeriod } from '../../../lib/service-role-period';

interface PlanDocumentProps {
  plan: PlanSnapshot;
  /** Null when the reader may not see it (then it is left out) or when there was none. */
  story: FrozenStory | null;
  assessment: Assessment | null;
  /** What to say where the reader may see the story or the assessment but there is none. */
  missing: { story: string; assessment: string };
  /** After the plan, e.g. the notes of a printout. */
  children?: ReactNode;
}

/**
 * The plan as a read-only document, in words only: an earlier version, or the plan to print. Parts
 * the reader may not see (`sharedParts`) are left out, as on the live plan.
 */
export function PlanDocument({ plan, story, assessment, missing, children }: PlanDocumentProps) {
  const { t } = useTranslation();
  const shared = new Set(plan.sharedParts);
  return (
    <Stack gap="lg" className={classes.document}>
      <DocumentSection title={t('plan.membersTitle')}>
        {plan.members.length === 0 ? (
          <Text size="sm">{t('plan.noMembers')}</Text>
        ) : (
          <ul className={classes.plainList}>
            {plan.members.map((member) => (
              <li key={member.id}>
                <strong>{member.name}</strong>,{' '}
                {member.birthYear !== null
                  ? t('plan.memberWithBirthYear', { relation: t(`memberRelation.${member.relation}`), year: member.birthYear })
                  : t(`memberRelation.${member.relation}`)}
              </li>
            ))}
          </ul>
        )}
      </DocumentSection>
      {shared.has('story') && (
        <DocumentSection title={t('story.sectionTitle')}>
          {story ? <StoryText story={story} /> : <Text size="sm">{missing.story}</Text>}
        </DocumentSection>
      )}
      {shared.has('assessment') && (
        <DocumentSection title={t('assessment.sectionTitle')}>
          {assessment ? <AssessmentText assessment={assessment} /> : <Text size="sm">{missing.assessment}</Text>}
        </DocumentSection>
      )}
      {shared.has('goals') && (
        <DocumentSection title={t('plan.goalsTitle')}>
          {plan.goals.length === 0 ? (
            <Text size="sm">{t('plan.noGoals')}</Text>
          ) : (
            plan.goals.map((goal) => <GoalText key={goal.id} goal={goal} />)
          )}
        </DocumentSection>
      )}
      <DocumentSection title={t('plan.servicesTitle')}>
        {plan.serviceRoles.length === 0 ? (
          <Text size="sm">{t('plan.noServices')}</Text>
        ) : (
          plan.serviceRoles.map((role) => <ServiceRoleText key={role.id} role={role} />)
        )}
      </DocumentSection>
      <DocumentSection title={t('plan.familyActionsTitle')}>
        {plan.familyActions.length === 0 ? (
          <Text size="sm">{t('versionsAndPrint.noFamilyActions')}</Text>
        ) : (
          <ActionsText actions={plan.familyActions} />
        )}
      </DocumentSection>
      {children}
    </Stack>
  );
}

export function DocumentSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="xs" className={classes.section}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function StoryText({ story }: { story: FrozenStory }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {storyDiffFields.map((field) => (
        <div key={field}>
          <Title order={3} size="h5">
            {t(`story.${field}`)}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {story[field] || t('story.fieldEmpty')}
          </Text>
        </div>
      ))}
      {story.updatedAt && (
        <Text size="xs">{t('versionsAndPrint.storyUpdated', { date: formatDateTimeParts(story.updatedAt, language).date })}</Text>
      )}
    </>
  );
}

/** Each domain's rating in words, e.g. "2/5 – Huolta": a printout has no colours to read. */
function AssessmentText({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Text size="sm">{t('versionsAndPrint.assessedOn', { date: formatDate(assessment.assessedOn, language) })}</Text>
      <table className={classes.table}>
        <thead>
          <tr>
            <th scope="col">{t('assessment.colDomain')}</th>
            <th scope="col">{t('assessment.ratingLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {assessment.ratings.map((rating) => (
            <tr key={rating.domain}>
              <th scope="row">{t(`assessment.domain.${rating.domain}`)}</th>
              <td>
                <strong>
                  {t('assessment.ratingValue', { rating: rating.rating, label: t(`assessment.rating.${rating.rating}`) })}
                </strong>
                {rating.notes && <div className={classes.notes}>{rating.notes}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function GoalText({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = goal.progress.at(-1);
  const scale = goal.attainmentScale;
  return (
    <article className={classes.item}>
      <Title order={3} size="h5">
        {goal.title}
      </Title>
      <Text size="sm">
        {goal.status === 'open'
          ? t('versionsAndPrint.status.goal.open')
          : goal.endedOn
            ? t('ending.on', { ending: t(`ending.${goal.status}`), date: formatDate(goal.endedOn, language) })
            : t(`ending.${goal.status}`)}
      </Text>
      {goal.ownerName && <Text size="sm">{t('plan.goalOwner', { name: goal.ownerName })}</Text>}
      {goal.indicator && <Text size="sm">{t('plan.goalIndicator', { indicator: goal.indicator })}</Text>}
      {goal.baseline && <Text size="sm">{t('plan.goalBaseline', { baseline: goal.baseline })}</Text>}
      {goal.target && <Text size="sm">{t('plan.goalTarget', { target: goal.target })}</Text>}
      {goal.targetOn && <Text size="sm">{t('plan.goalTargetOn', { date: formatDate(goal.targetOn, language) })}</Text>}
      {latest && (
        <Text size="sm">{t('plan.goalLatest', { date: formatDate(latest.recordedOn, language), value: latest.value })}</Text>
      )}
      {scale && (
        <>
          <Text size="sm" fw={600}>
            {t('plan.goalLevels')}
          </Text>
          <ul className={classes.plainList}>
            {attainmentLevels
              .map((level) => attainmentScaleKeys[level])
              .filter((key) => scale[key])
              .map((key) => (
                <li key={key}>
                  {t(`attainment.level.${key}`)}: {scale[key]}
                  {goal.attainedLevel !== null && attainmentScaleKeys[goal.attainedLevel] === key && (
                    <strong> ({t('versionsAndPrint.field.goal.attainedLevel')})</strong>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </article>
  );
}

function ServiceRoleText({ role }: { role: ServiceRole }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const period = useServiceRolePeriod(role);
  return (
    <article className={classes.item}>
      <Title order={3} size="h5">
        {localizeText(role.service.name, language)} ({t(`versionsAndPrint.status.serviceRole.${role.status}`)})
      </Title>
      {role.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {role.description}
        </Text>
      )}
      <Text size="sm">
        {t('plan.responsibleWorker')}: {role.responsibleWorker?.name ?? t('plan.noResponsibleWorker')}
      </Text>
      {period && (
        <Text size="sm">
          {t('plan.rolePeriod')}: {period}
        </Text>
      )}
      {role.service.contact && (
        <Text size="sm">
          {t('plan.contact')}: {role.service.contact}
        </Text>
      )}
      <Text size="sm" fw={600}>
        {t('plan.actionsTitle')}
      </Text>
      {role.actions.length === 0 ? <Text size="sm">{t('plan.noActions')}</Text> : <ActionsText actions={role.actions} />}
    </article>
  );
}

function ActionsText({ actions }: { actions: Action[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className={classes.plainList}>
      {actions.map((action) => (
        <li key={action.id}>
          <strong>{action.title}</strong> – {t(`versionsAndPrint.status.action.${action.status}`)}
          {'. '}
          {action.dueOn ? t('plan.actionDue', { date: formatDate(action.dueOn, language) }) : t('plan.actionNoDue')}
          {action.ownerName && `. ${t('plan.actionOwner', { name: action.ownerName })}`}
        </li>
      ))}
    </ul>
  );
}
