import type { CaseloadPage } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { caseloadPagesQueryOptions, fetchAllCaseloads } from '../api/insights.query';
import { useLaterPages } from '../hooks/use-later-pages';
import { DistributionSection } from './distribution-section';
import { ShowMorePages } from './show-more-pages';

/**
 * Each coordinator's open families, the largest caseloads first: the first page came with the
 * caseloads, more on request; the total and the file cover every coordinator.
 */
export function CaseloadSection({ caseloads }: { caseloads: CaseloadPage }) {
  const { t } = useTranslation();
  const coordinators = useLaterPages(caseloads, caseloadPagesQueryOptions(caseloads.nextCursor), (page) => page.buckets);
  return (
    <DistributionSection
      id="caseloads-title"
      title={t('insights.caseloads.title')}
      intro={t('insights.caseloads.intro')}
      distribution={{ buckets: coordinators.items, total: caseloads.total }}
      bucketHeading={t('insights.caseloads.axis')}
      bucketLabel={(label) => t('insights.caseloads.coordinator', { label })}
      totalLabel={t('insights.caseloads.total')}
      fileName="coordinator-caseloads.csv"
      allBuckets={coordinators.hasMore ? fetchAllCaseloads : undefined}
      footer={
        <ShowMorePages
          pages={coordinators}
          shown={t('insights.caseloads.pages.shown', { shown: coordinators.items.length, count: coordinators.count })}
          more={t('insights.caseloads.pages.more')}
          failed={t('insights.caseloads.pages.failed')}
        />
      }
    />
  );
}
