import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ProgramEnrolment } from '@yhdessa/shared';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../../lib/locale';
import { EndEnrolmentDialog } from './end-enrolment-dialog';
import { EnrolmentOutcomes } from './enrolment-outcomes';
import { WithdrawConsentDialog } from './withdraw-consent-dialog';

/** Each term beside its value, the values lined up, on a phone too. */
const factGrid = { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 16, rowGap: 4 } as const;

interface EnrolmentCardProps {
  familyId: string;
  enrolment: ProgramEnrolment;
  forFamily: boolean;
}

/** One programme the family is or was in: its facts, what is followed and how it stands, and what the reader may do. */
export function EnrolmentCard({ familyId, enrolment, forFamily }: EnrolmentCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dialog, setDialog] = useState<'end' | 'withdraw' | null>(null);
  const headingId = `program-enrolment-${enrolment.id}`;
  const withdrawn = enrolment.endReason === 'consent_withdrawn';
  const facts: [string, string][] = [
    [t('programEnrolment.fact.provider'), enrolment.program.provider],
    [t('programEnrolment.fact.payer'), enrolment.payer.name],
    [t('programEnrolment.fact.enrolledOn'), formatDate(enrolment.enrolledOn, language)],
    [
      t('programEnrolment.fact.consent'),
      t('programEnrolment.consentBy', {
        name: enrolment.consentGivenBy.name,
        date: formatDate(enrolment.consentGivenOn, language),
      }),
    ],
    [
      t('programEnrolment.fact.status'),
      enrolment.endedOn
        ? t('programEnrolment.endedOn', { date: formatDate(enrolment.endedOn, language) })
        : t('programEnrolment.active'),
    ],
  ];
  if (enrolment.endReason)
    facts.push([t('programEnrolment.fact.endReason'), t(`programEnrolment.endReason.${enrolment.endReason}`)]);

  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {enrolment.program.name}
        </Title>
        <Box component="dl" m={0} style={factGrid}>
          {facts.map(([term, value]) => (
            <Fragment key={term}>
              <Text component="dt" size="sm" fw={600}>
                {term}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </Fragment>
          ))}
        </Box>
        {forFamily && withdrawn && <Text>{t('programEnrolment.family.withdrawn')}</Text>}
        <Title order={4} size="h5">
          {forFamily ? t('programEnrolment.family.followedTitle') : t('programEnrolment.followedTitle')}
        </Title>
        {forFamily && !withdrawn && <Text>{t('programEnrolment.family.explanation', { payer: enrolment.payer.name })}</Text>}
        <EnrolmentOutcomes enrolment={enrolment} showMetricNames={!forFamily} />
        {forFamily
          ? enrolment.can.withdrawConsent && (
              <Button className="no-print" variant="outline" size="md" fullWidth onClick={() => setDialog('withdraw')}>
                {t('programEnrolment.withdraw.familyOpen')}
              </Button>
            )
          : (enrolment.can.end || enrolment.can.withdrawConsent) && (
              <Group gap="sm" className="no-print">
                {enrolment.can.end && (
                  <Button variant="default" onClick={() => setDialog('end')}>
                    {t('programEnrolment.end.open')}
                  </Button>
                )}
                {enrolment.can.withdrawConsent && (
                  <Button variant="default" onClick={() => setDialog('withdraw')}>
                    {t('programEnrolment.withdraw.coordinatorOpen')}
                  </Button>
                )}
              </Group>
            )}
      </Stack>
      <EndEnrolmentDialog familyId={familyId} enrolment={enrolment} opened={dialog === 'end'} onClose={() => setDialog(null)} />
      <WithdrawConsentDialog
        familyId={familyId}
        enrolment={enrolment}
        forFamily={forFamily}
        opened={dialog === 'withdraw'}
        onClose={() => setDialog(null)}
      />
    </Paper>
  );
}
