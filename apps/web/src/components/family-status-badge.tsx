import { Badge } from '@mantine/core';
import type { FamilyStatus } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

const colors: Record<FamilyStatus, string> = { new: 'blue', active: 'teal', in_review: 'grape', closed: 'gray' };

export function FamilyStatusBadge({ status }: { status: FamilyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]} tt="none" size="md">
      {t(`familyStatus.${status}`)}
    </Badge>
  );
}
