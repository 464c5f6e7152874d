import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Program } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { programQueryOptions } from '../../features/programs/api/programs.query';
import { ProgramForm } from '../../features/programs/components/program-form';
import { serviceCatalogueQueryOptions } from '../../features/service-catalogue/api/service-catalogue.query';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { NotFoundRoute } from './not-found.route';
import { ProgramsGate } from './programs.route';

/** "/programs/new": a manager writes down a new outcome-based contract. */
export function NewProgramRoute() {
  return (
    <ProgramsGate roles={['manager']}>
      <ProgramFormPage />
    </ProgramsGate>
  );
}

/** "/programs/:programId/edit": a manager corrects a programme; its metrics only while no family is enrolled. */
export function EditProgramRoute() {
  return (
    <ProgramsGate roles={['manager']}>
      <EditProgram />
    </ProgramsGate>
  );
}

function EditProgram() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const program = useQuery(programQueryOptions(programId));
  if (program.isPending) return <LoadingState />;
  if (isApiError(program.error, 'not_found') || isApiError(program.error, 'validation_failed')) return <NotFoundRoute />;
  if (program.isError) return <ErrorState title={t('programs.report.loadFailed')} onRetry={() => void program.refetch()} />;
  if (!program.data.can.edit) return <NotFoundRoute />;
  return <ProgramFormPage program={program.data} />;
}

function ProgramFormPage({ program }: { program?: Program }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = program ? t('programs.form.editTitle', { name: program.name }) : t('programs.form.newTitle');
  usePageTitle(title);
  const services = useQuery(serviceCatalogueQueryOptions());
  const back = program ? paths.program(program.id) : paths.programs;
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to={back} size="sm">
        {program ? t('programs.backToReport') : t('programs.backToList')}
      </Anchor>
      <Stack gap={2}>
        <Title order={1}>{title}</Title>
        <Text size="sm" c="dimmed">
          {t('programs.form.intro')}
        </Text>
      </Stack>
      {services.isPending ? (
        <LoadingState />
      ) : services.isError ? (
        <ErrorState title={t('programs.form.servicesFailed')} onRetry={() => void services.refetch()} />
      ) : (
        <ProgramForm
          program={program}
          services={services.data}
          onSaved={(saved) => void navigate(paths.program(saved.id))}
          onCancel={() => void navigate(back)}
        />
      )}
    </Stack>
  );
}
