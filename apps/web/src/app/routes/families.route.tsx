import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { familyStatusSchema, type CurrentUser, type FamilyStatus, type Workspace } from '@yhdessa/shared';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { ActivitySentence } from '../../features/activity/components/activity-line';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { familiesQueryOptions } from '../../features/families/api/families.query';
import { CreateFamilyForm } from '../../features/families/components/create-family-form';
import { FamilyGrid } from '../../features/families/components/family-grid';
import { FamilyList } from '../../features/families/components/family-list';
import { ServiceInvitationList } from '../../features/service-roles/components/service-role-invitation-list';
import { workspaceQueryOptions } from '../../features/workspace/api/workspace.query';
import { CoordinatorAgenda } from '../../features/workspace/components/coordinator-agenda';
import { FamilyFilters } from '../../features/workspace/components/family-filters';
import { WorkerAgenda } from '../../features/workspace/components/worker-agenda';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { useSearchParamSetter } from '../../lib/use-search-param-setter';
import { NamedModal } from '../../components/named-modal';

/** "/": professionals get their workspace (what needs them, then their families); family members their family; administrators and managers their area. */
export function FamiliesRoute() {
  const { t } = useTranslation();
  usePageTitle(t('families.title'));
  const currentUser = useQuery(currentUserQueryOptions());
  const user = currentUser.data;
  if (user && (user.role === 'coordinator' || user.role === 'worker')) return <WorkspaceScreen user={user} />;
  // The administrator has no families: their home is the administration area.
  if (user?.role === 'admin') return <Navigate to={paths.adminServices} replace />;
  // Nor has the manager: they see figures across families, never a family.
  if (user?.role === 'manager') return <Navigate to={paths.insights} replace />;
  if (user?.role === 'family') return <FamilyMemberFamilies />;
  return <FamilyListScreen />;
}

/** A family member with one family has nothing to choose: they go straight to its plan, sign-in included. */
function FamilyMemberFamilies() {
  const families = useQuery(familiesQueryOptions());
  const [only, ...others] = families.data ?? [];
  if (only && others.length === 0) return <Navigate to={paths.family(only.id)} replace />;
  return <FamilyListScreen />;
}

function FamilyListScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1}>{t('families.title')}</Title>
      <FamilyList />
    </Stack>
  );
}

function WorkspaceScreen({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const setFilter = useSearchParamSetter();
  const q = searchParams.get('q') ?? '';
  const parsedStatus = familyStatusSchema.safeParse(searchParams.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const workspace = useQuery(workspaceQueryOptions({ q: debouncedQ || undefined, status: status ?? undefined }));
  const [creating, setCreating] = useState(false);
  const isCoordinator = user.role === 'coordinator';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Stack gap={2}>
          <Title order={1}>{t('families.title')}</Title>
          <Text size="sm" c="dimmed">
            {isCoordinator ? t('workspace.coordinatorIntro') : t('workspace.workerIntro')}
          </Text>
        </Stack>
        {isCoordinator && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('createFamily.open')}
          </Button>
        )}
      </Group>

      {!isCoordinator && <ServiceInvitationList me={{ id: user.id, name: user.name }} />}

      {workspace.isPending ? (
        <LoadingState />
      ) : workspace.isError && !workspace.data ? (
        <ErrorState title={t('workspace.error')} onRetry={() => void workspace.refetch()} />
      ) : (
        <WorkspaceBody
          workspace={workspace.data}
          filtered={Boolean(debouncedQ || status)}
          updating={workspace.isFetching && workspace.isPlaceholderData}
          filters={
            <FamilyFilters
              q={q}
              status={status}
              onQChange={(value) => setFilter('q', value)}
              onStatusChange={(value: FamilyStatus | null) => setFilter('status', value)}
            />
          }
        />
      )}

      <NamedModal opened={creating} onClose={() => setCreating(false)} title={t('createFamily.title')} size="lg">
        <CreateFamilyForm
          onCancel={() => setCreating(false)}
          onCreated={(family) => {
            setCreating(false);
            void navigate(paths.family(family.id));
          }}
        />
      </NamedModal>
    </Stack>
  );
}

interface WorkspaceBodyProps {
  workspace: Workspace;
  filtered: boolean;
  updating: boolean;
  filters: ReactNode;
}

function WorkspaceBody({ workspace, filtered, updating, filters }: WorkspaceBodyProps) {
  const { t } = useTranslation();
  return (
    <>
      {workspace.role === 'coordinator' ? (
        <CoordinatorAgenda workspace={workspace} renderChange={(change) => <ActivitySentence entry={change} />} />
      ) : (
        <WorkerAgenda workspace={workspace} />
      )}
      <Stack gap="sm" component="section" aria-labelledby="my-families-title">
        <Title order={2} size="h3" id="my-families-title">
          {t('workspace.myFamilies')}
        </Title>
        {filters}
        <div aria-busy={updating} aria-live="polite">
          <Text size="sm" c="dimmed" mb="xs">
            {t('workspace.familyCount', { count: workspace.families.length })}
          </Text>
          <FamilyGrid
            families={workspace.families}
            emptyTitle={filtered ? t('workspace.noMatchesTitle') : t('families.emptyTitle')}
            emptyDescription={filtered ? t('workspace.noMatchesDescription') : t('families.emptyDescription')}
          />
        </div>
      </Stack>
    </>
  );
}
