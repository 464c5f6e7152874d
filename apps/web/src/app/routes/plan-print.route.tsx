import { Stack } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { assessmentsQueryOptions } from '../../features/assessments/api/assessments.query';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { notesQueryOptions } from '../../features/notes/api/notes.query';
import { DocumentSection, PlanDocument } from '../../features/plan-versions/components/plan-document';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { PrintNotes } from '../../features/print/components/print-notes';
import { PrintSheet } from '../../features/print/components/print-sheet';
import { isPrintAudience, printAudiencesFor } from '../../features/print/print-audiences';
import { storyQueryOptions } from '../../features/story/api/story.query';
import { localizeText, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { BackToPlanLink } from '../family-page-back-link';

/**
 * A printout of the plan for the family or for professionals, composed of what the server lets the
 * reader see. The family's version leaves out what the family does not see: notes for professionals.
 */
export function PlanPrintRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { familyId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('version');
  const audience = isPrintAudience(requested) ? requested : null;
  const me = useQuery(currentUserQueryOptions());
  const plan = useQuery(planQueryOptions(familyId));
  const shares = (part: 'story' | 'assessment') => plan.data?.sharedParts.includes(part) ?? false;
  const story = useQuery({ ...storyQueryOptions(familyId), enabled: shares('story') });
  const assessments = useQuery({ ...assessmentsQueryOptions(familyId), enabled: shares('assessment') });
  const notes = useInfiniteQuery(notesQueryOptions(familyId));
  usePageTitle(t('versionsAndPrint.print.pageTitle', { audience: audience ? t(`versionsAndPrint.print.${audience}`) : '' }));

  const back = <BackToPlanLink familyId={familyId} />;
  const allowed = audience !== null && me.data != null && printAudiencesFor(me.data.role).includes(audience);
  if (me.isPending || plan.isPending) return <LoadingState />;
  if (!allowed)
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <ErrorState title={t('versionsAndPrint.print.notAllowed')} />
      </Stack>
    );
  const parts = [plan, ...(shares('story') ? [story] : []), ...(shares('assessment') ? [assessments] : []), notes];
  if (parts.some((part) => part.isError))
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <ErrorState title={t('versionsAndPrint.print.loadFailed')} />
      </Stack>
    );
  if (parts.some((part) => part.isPending) || !plan.data) return <LoadingState />;

  const data = plan.data;
  const allNotes = notes.data?.pages.flatMap((page) => page.notes) ?? [];
  const printedNotes = audience === 'family' ? allNotes.filter((note) => note.visibility === 'family') : allNotes;
  const roleNames = Object.fromEntries(data.serviceRoles.map((role) => [role.id, localizeText(role.service.name, language)]));
  const savedStory = story.data?.updatedAt ? story.data : null;
  return (
    <PrintSheet
      audience={audience}
      familyName={data.family.name}
      printedBy={me.data!.name}
      planVersion={data.version}
      planUpdatedAt={data.updatedAt}
      ready
      screenOnly={back}
    >
      <PlanDocument
        plan={data}
        story={savedStory}
        assessment={assessments.data?.[0] ?? null}
        missing={{ story: t('story.empty'), assessment: t('assessment.empty') }}
      >
        <DocumentSection title={audience === 'family' ? t('versionsAndPrint.print.notesFamily') : t('notes.sectionTitle')}>
          <PrintNotes notes={printedNotes} roleNames={roleNames} />
        </DocumentSection>
      </PlanDocument>
    </PrintSheet>
  );
}
