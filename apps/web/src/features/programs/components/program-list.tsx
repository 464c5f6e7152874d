import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Program } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDate, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';

/** Each programme by name, opening its report: provider, period, payers and families enrolled. */
export function ProgramList({ programs }: { programs: Program[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (programs.length === 0) return <Text>{t('programs.list.empty')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {programs.map((program) => (
        <Card key={program.id} component="article" withBorder padding="lg" aria-labelledby={`program-${program.id}`}>
          <Stack gap="xs">
            <Title order={2} size="h4" id={`program-${program.id}`}>
              <Anchor component={Link} to={paths.program(program.id)}>
                {program.name}
              </Anchor>
            </Title>
            <Text size="sm">{t('programs.list.provider', { provider: program.provider })}</Text>
            <Text size="sm">
              {t('programs.periodRange', {
                from: formatDate(program.startsOn, language),
                to: formatDate(program.endsOn, language),
              })}
            </Text>
            <Text size="sm">{t('programs.list.payers', { payers: program.payers.map((payer) => payer.name).join(', ') })}</Text>
            <Group gap="xs">
              <Badge variant="light" color="teal" tt="none">
                {t('programs.list.enrolledNow', {
                  count: program.enrolledNow,
                  formatted: formatCount(program.enrolledNow, language),
                })}
              </Badge>
              <Badge variant="light" color="gray" tt="none">
                {t('programs.list.enrolledEver', {
                  count: program.enrolledEver,
                  formatted: formatCount(program.enrolledEver, language),
                })}
              </Badge>
            </Group>
            {program.can.edit && (
              <Anchor
                component={Link}
                to={paths.editProgram(program.id)}
                size="sm"
                aria-label={t('programs.list.editNamed', { name: program.name })}
              >
                {t('programs.list.edit')}
              </Anchor>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
