import { NativeSelect } from '@mantine/core';
import { familySorts, type FamilySort } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

/** The order of the family list: a labelled native select, easy on a phone and from the keyboard. */
export function FamilySortSelect({ value, onChange }: { value: FamilySort; onChange: (sort: FamilySort) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('familyList.sortLabel')}
      data={familySorts.map((sort) => ({ value: sort, label: t(`familyList.sort.${sort}`) }))}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as FamilySort)}
      w={{ base: '100%', sm: 260 }}
    />
  );
}
