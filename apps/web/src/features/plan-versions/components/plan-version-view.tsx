import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { PlanVersion } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { PlanDocument } from './plan-document';

/** An earlier version of the plan, read-only, marked at the top as old, with the day it was frozen. */
export function PlanVersionView({ version }: { version: PlanVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const frozen = formatDateTimeParts(version.frozenAt, language);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1}>{version.plan.family.name}</Title>
        <Text size="sm">{t('plan.coordinator', { name: version.plan.family.coordinator.name })}</Text>
      </Stack>
      <Alert
        color="gray"
        variant="outline"
        icon={<IconHistory aria-hidden />}
        title={`${t('versionsAndPrint.pageTitle', { version: version.version })}: ${t('versionsAndPrint.oldVersionTitle')}`}
      >
        {t('versionsAndPrint.oldVersionText', { version: version.version, date: frozen.date, time: frozen.time })}
      </Alert>
      <PlanDocument
        plan={version.plan}
        story={version.plan.story}
        assessment={version.plan.assessment}
        missing={{ story: t('versionsAndPrint.storyNotKept'), assessment: t('versionsAndPrint.assessmentNotKept') }}
      />
    </Stack>
  );
}
