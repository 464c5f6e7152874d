import { Menu, Text } from '@mantine/core';
import type { Role } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { printAudiencesFor } from '../print-audiences';
import { PrintButton } from './print-button';

/** The plan's print button: a menu of the printouts the user may make, each opening its print page. */
export function PrintMenu({ familyId, role }: { familyId: string; role: Role }) {
  const { t } = useTranslation();
  const audiences = printAudiencesFor(role);
  if (audiences.length === 0) return null;
  return (
    <Menu position="bottom-start" shadow="md" width={300} withinPortal>
      <Menu.Target>
        <PrintButton />
      </Menu.Target>
      <Menu.Dropdown aria-label={t('versionsAndPrint.print.menuLabel')}>
        {audiences.map((audience) => (
          <Menu.Item key={audience} component={Link} to={paths.print(familyId, audience)}>
            <Text size="sm" fw={600}>
              {t(`versionsAndPrint.print.${audience}`)}
            </Text>
            <Text size="xs">{t(`versionsAndPrint.print.${audience}Hint`)}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
