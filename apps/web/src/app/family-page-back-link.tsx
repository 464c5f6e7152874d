import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../lib/paths';

export function BackToPlanLink({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={paths.family(familyId)}
      size="sm"
      mih={44}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={16} aria-hidden />
      {t('app.backToPlan')}
    </Anchor>
  );
}
