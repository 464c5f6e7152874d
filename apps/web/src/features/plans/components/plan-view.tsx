import { Alert, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Plan } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FamilyStatusBadge } from '../../../components/family-status-badge';
import { ActionList, type RenderActionStatus } from './action-list';
import { GoalList } from './goal-list';
import { MemberList } from './member-list';
import { ServiceRoleCard } from './service-role-card';

interface PlanViewProps {
  plan: Plan;
  /** The status control of one action; the app layer supplies it. */
  renderActionStatus: RenderActionStatus;
  /** Shown next to the status, e.g. whether live updates are on. */
  headerExtra?: ReactNode;
  /** Shown under the heading, before the plan itself, e.g. links to the family's consents. */
  toolbar?: ReactNode;
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
export function PlanView({ plan, renderActionStatus, headerExtra, toolbar }: PlanViewProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
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
      {toolbar}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <PlanSection id="plan-goals" title={t('plan.goalsTitle')}>
            {plan.sharedParts.includes('goals') ? (
              <GoalList goals={plan.goals} />
            ) : (
              <Text size="sm">{t('plan.goalsNotShared')}</Text>
            )}
          </PlanSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PlanSection id="plan-members" title={t('plan.membersTitle')}>
            <Paper withBorder p="md">
              <MemberList members={plan.members} />
            </Paper>
          </PlanSection>
        </Grid.Col>
      </Grid>
      <PlanSection id="plan-services" title={t('plan.servicesTitle')}>
        {plan.serviceRoles.length === 0 && <Text size="sm">{t('plan.noServices')}</Text>}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {plan.serviceRoles.map((role) => (
            <ServiceRoleCard key={role.id} role={role} renderActionStatus={renderActionStatus} />
          ))}
        </SimpleGrid>
      </PlanSection>
      <PlanSection id="plan-family-actions" title={t('plan.familyActionsTitle')}>
        <Paper withBorder p="md">
          <ActionList actions={plan.familyActions} renderStatus={renderActionStatus} />
        </Paper>
      </PlanSection>
    </Stack>
  );
}
