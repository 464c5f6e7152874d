import { Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconEye, IconHistory } from '@tabler/icons-react';
import type { Role } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../lib/paths';

/**
 * "Who may see what" and "who has looked": big and first for the family on a phone,
 * compact for the coordinator. Services never see the family's consents or its log.
 */
/** Long labels wrap on a narrow phone instead of being cut off. */
const wrapping = {
  inner: { justifyContent: 'flex-start' },
  label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 },
} as const;

export function FamilyDataLinks({ familyId, role }: { familyId: string; role: Role }) {
  const { t } = useTranslation();
  if (role === 'family') {
    return (
      <Paper withBorder p="md" bg="indigo.0" component="nav" aria-label={t('familyData.navLabel')}>
        <Text size="sm" mb="sm">
          {t('familyData.familyIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Button
            component={Link}
            to={paths.consents(familyId)}
            size="lg"
            fullWidth
            leftSection={<IconEye size={22} aria-hidden />}
            h="auto"
            mih={52}
            py="xs"
            styles={wrapping}
          >
            {t('consents.title')}
          </Button>
          <Button
            component={Link}
            to={paths.accessLog(familyId)}
            size="lg"
            fullWidth
            variant="default"
            leftSection={<IconHistory size={22} aria-hidden />}
            h="auto"
            mih={52}
            py="xs"
            styles={wrapping}
          >
            {t('accessLog.titleFamily')}
          </Button>
        </SimpleGrid>
      </Paper>
    );
  }
  if (role !== 'coordinator') return null;
  return (
    <Group gap="xs" component="nav" aria-label={t('familyData.navLabel')}>
      <Button
        component={Link}
        to={paths.consents(familyId)}
        variant="light"
        size="xs"
        leftSection={<IconEye size={16} aria-hidden />}
      >
        {t('consents.title')}
      </Button>
      <Button
        component={Link}
        to={paths.accessLog(familyId)}
        variant="light"
        size="xs"
        leftSection={<IconHistory size={16} aria-hidden />}
      >
        {t('accessLog.titleProfessional')}
      </Button>
    </Group>
  );
}
