import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { programsQueryOptions } from '../../features/programs/api/programs.query';
import { ProgramList } from '../../features/programs/components/program-list';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { NotFoundRoute } from './not-found.route';

/**
 * Programmes are for managers and coordinators; anyone else finds no page here, as the API
 * refuses them, and nothing is asked for.
 */
export function ProgramsGate({
  roles = ['manager', 'coordinator'],
  children,
}: {
  roles?: CurrentUser['role'][];
  children: ReactNode;
}) {
  const currentUser = useQuery(currentUserQueryOptions());
  if (currentUser.isPending) return <LoadingState />;
  if (!currentUser.data || !roles.includes(currentUser.data.role)) return <NotFoundRoute />;
  return children;
}

/** "/programs": the outcome-based programmes of the organisation. */
export function ProgramsRoute() {
  return (
    <ProgramsGate>
      <Programs />
    </ProgramsGate>
  );
}

function Programs() {
  const { t } = useTranslation();
  usePageTitle(t('programs.title'));
  const list = useQuery(programsQueryOptions());
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1}>{t('programs.title')}</Title>
          <Text size="sm" c="dimmed" maw={820}>
            {t('programs.intro')}
          </Text>
        </Stack>
        {list.data?.can.create && (
          <Button component={Link} to={paths.newProgram}>
            {t('programs.list.new')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState title={t('programs.list.loadFailed')} onRetry={() => void list.refetch()} />
      ) : (
        <ProgramList programs={list.data.programs} />
      )}
    </Stack>
  );
}
