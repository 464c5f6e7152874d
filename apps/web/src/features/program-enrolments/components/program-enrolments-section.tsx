import { Button, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { FamilyMember } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { programEnrolmentsQueryOptions } from '../api/program-enrolments.query';
import { EnrolFamilyDialog } from './enrol-family-dialog';
import { EnrolmentCard } from './enrolment-card';

interface ProgramEnrolmentsSectionProps {
  familyId: string;
  /** The family's members from the plan on screen; its guardians are who may consent. */
  members: FamilyMember[];
  forFamily: boolean;
}

const headingId = 'plan-programs';

/**
 * The family's outcome-based programmes on its plan: for the family, in plain words what it agreed
 * to and how to withdraw; for the coordinator, enrolling and ending too. The family sees nothing
 * here until it is in a programme.
 */
export function ProgramEnrolmentsSection({ familyId, members, forFamily }: ProgramEnrolmentsSectionProps) {
  const { t } = useTranslation();
  const list = useQuery(programEnrolmentsQueryOptions(familyId));
  const [enrolling, setEnrolling] = useState(false);
  if (forFamily && !list.data?.enrolments.length) return null;

  const heading = (
    <Title order={2} size="h3" id={headingId}>
      {forFamily ? t('programEnrolment.family.title') : t('programEnrolment.title')}
    </Title>
  );
  if (list.isPending)
    return (
      <Stack component="section" aria-labelledby={headingId} gap="sm">
        {heading}
        <LoadingState />
      </Stack>
    );
  if (list.isError && !list.data)
    return (
      <Stack component="section" aria-labelledby={headingId} gap="sm">
        {heading}
        <ErrorState title={t('programEnrolment.loadFailed')} onRetry={() => void list.refetch()} />
      </Stack>
    );

  const { enrolments, open, can } = list.data;
  const mayEnrol = can.enrol && open.length > 0;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      {heading}
      {enrolments.length === 0 && (
        <Text size="sm">{mayEnrol ? t('programEnrolment.emptyOpen') : t('programEnrolment.empty')}</Text>
      )}
      {enrolments.map((enrolment) => (
        <EnrolmentCard key={enrolment.id} familyId={familyId} enrolment={enrolment} forFamily={forFamily} />
      ))}
      {mayEnrol && (
        <>
          <Button
            className="no-print"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEnrolling(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('programEnrolment.enrol.open')}
          </Button>
          <EnrolFamilyDialog
            familyId={familyId}
            open={open}
            guardians={members.filter((member) => member.relation === 'guardian')}
            opened={enrolling}
            onClose={() => setEnrolling(false)}
          />
        </>
      )}
    </Stack>
  );
}
