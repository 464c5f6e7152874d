import { Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { familyStatuses, type FamilyStatus } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

interface FamilyFiltersProps {
  q: string;
  status: FamilyStatus | null;
  onQChange: (q: string) => void;
  onStatusChange: (status: FamilyStatus | null) => void;
}

/** Search by name and filter by status; both are labelled fields, usable from the keyboard. */
export function FamilyFilters({ q, status, onQChange, onStatusChange }: FamilyFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('workspace.filtersLabel')}>
      <TextInput
        label={t('workspace.search')}
        type="search"
        value={q}
        onChange={(event) => onQChange(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        maxLength={100}
        w={{ base: '100%', sm: 280 }}
      />
      <NativeSelect
        label={t('workspace.statusFilter')}
        data={[
          { value: '', label: t('workspace.allStatuses') },
          ...familyStatuses.map((value) => ({ value, label: t(`familyStatus.${value}`) })),
        ]}
        value={status ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onStatusChange(value ? (value as FamilyStatus) : null);
        }}
        w={{ base: '100%', sm: 220 }}
      />
    </Group>
  );
}
