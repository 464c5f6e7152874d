import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { familySortSchema, familyStatusSchema, type CurrentUser, type FamilySort, type FamilyStatus } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { ActivitySentence } from '../../features/activity/components/activity-line';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { familiesQueryOptions, familyPagesQueryOptions } from '../../features/families/api/families.query';
import { CreateFamilyForm } from '../../features/families/components/create-family-form';
import { FamilyList } from '../../features/families/components/family-list';
import { FamilyPages } from '../../features/families/components/family-pages';
import { FamilySortSelect } from '../../features/families/components/family-sort-select';
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

/** What needs them first, unless they chose another order; the choice is kept in the address. */
const DEFAULT_SORT: FamilySort = 'attention';

function WorkspaceScreen({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useQuery(workspaceQueryOptions());
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
      ) : workspace.data.role === 'coordinator' ? (
        <CoordinatorAgenda
          workspace={workspace.data}
          readAt={workspace.dataUpdatedAt}
          renderChange={(change) => <ActivitySentence entry={change} />}
        />
      ) : (
        <WorkerAgenda workspace={workspace.data} readAt={workspace.dataUpdatedAt} />
      )}

      <MyFamilies />

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

/** The professional's own families: searched, filtered and sorted in the address, a page at a time. */
function MyFamilies() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const setFilter = useSearchParamSetter();
  const q = searchParams.get('q') ?? '';
  const parsedStatus = familyStatusSchema.safeParse(searchParams.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const parsedSort = familySortSchema.safeParse(searchParams.get('sort'));
  const sort = parsedSort.success ? parsedSort.data : DEFAULT_SORT;
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const filtered = Boolean(debouncedQ || status);
  const pages = useInfiniteQuery(familyPagesQueryOptions({ q: debouncedQ || undefined, status: status ?? undefined, sort }));

  return (
    <Stack gap="sm" component="section" aria-labelledby="my-families-title">
      <Title order={2} size="h3" id="my-families-title">
        {t('workspace.myFamilies')}
      </Title>
      <Group gap="sm" align="flex-end">
        <FamilyFilters
          q={q}
          status={status}
          onQChange={(value) => setFilter('q', value)}
          onStatusChange={(value: FamilyStatus | null) => setFilter('status', value)}
        />
        <FamilySortSelect value={sort} onChange={(value) => setFilter('sort', value === DEFAULT_SORT ? null : value)} />
      </Group>
      {pages.isPending ? (
        <LoadingState />
      ) : pages.isError && !pages.data ? (
        <ErrorState title={t('families.error')} onRetry={() => void pages.refetch()} />
      ) : (
        <FamilyPages
          pages={pages}
          updating={pages.isFetching && pages.isPlaceholderData}
          emptyTitle={filtered ? t('workspace.noMatchesTitle') : t('families.emptyTitle')}
          emptyDescription={filtered ? t('workspace.noMatchesDescription') : t('families.emptyDescription')}
        />
      )}
    </Stack>
  );
}
