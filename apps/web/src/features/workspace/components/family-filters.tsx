import { familyStatuses, type FamilyStatus } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { ListFilters } from '../../../components/list-filters';

interface FamilyFiltersProps {
  q: string;
  status: FamilyStatus | null;
  onQChange: (q: string) => void;
  onStatusChange: (status: FamilyStatus | null) => void;
}

/** Search by name and filter by status. */
export function FamilyFilters({ q, status, onQChange, onStatusChange }: FamilyFiltersProps) {
  const { t } = useTranslation();
  return (
    <ListFilters
      label={t('workspace.filtersLabel')}
      searchLabel={t('workspace.search')}
      q={q}
      onQChange={onQChange}
      selectLabel={t('workspace.statusFilter')}
      allLabel={t('workspace.allStatuses')}
      options={familyStatuses.map((value) => ({ value, label: t(`familyStatus.${value}`) }))}
      value={status}
      onChange={onStatusChange}
    />
  );
}
