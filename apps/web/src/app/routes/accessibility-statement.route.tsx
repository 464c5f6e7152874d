import { Anchor, Container, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { AppHeader } from '../app-header';

/** When the self-assessment behind this statement was last made; update it with the statement. */
const assessedOn = '2026-12-06';
const feedbackEmail = 'saavutettavuus@varkaus-demo.fi';
const knownIssues = ['charts', 'notScanned', 'noUserTesting', 'plainLanguage'] as const;

function StatementSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="xs" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {heading}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * `/accessibility`: the accessibility statement the Act on the Provision of Digital Services (306/2019)
 * requires of a public service, in the sections of the model statement. Public: no sign-in needed.
 */
export function AccessibilityStatementRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('accessibility.title'));
  return (
    <>
      <AppHeader />
      <Container size="sm" component="main" id="main" tabIndex={-1} py="xl">
        <Stack gap="lg">
          <Stack gap="xs">
            {/* "Saavutettavuusseloste" is one long word: at h1 size it would push a phone screen sideways. */}
            <Title order={1} size="h2" style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
              {t('accessibility.title')}
            </Title>
            <Text>{t('accessibility.intro')}</Text>
          </Stack>
          <StatementSection id="statement-service" heading={t('accessibility.service.heading')}>
            <Text>{t('accessibility.service.text')}</Text>
          </StatementSection>
          <StatementSection id="statement-status" heading={t('accessibility.status.heading')}>
            <Text>{t('accessibility.status.text')}</Text>
          </StatementSection>
          <StatementSection id="statement-issues" heading={t('accessibility.issues.heading')}>
            <List spacing="xs">
              {knownIssues.map((issue) => (
                <List.Item key={issue}>{t(`accessibility.issues.${issue}`)}</List.Item>
              ))}
            </List>
          </StatementSection>
          <StatementSection id="statement-method" heading={t('accessibility.method.heading')}>
            <Text>{t('accessibility.method.text', { date: formatDate(assessedOn, language) })}</Text>
          </StatementSection>
          <StatementSection id="statement-feedback" heading={t('accessibility.feedback.heading')}>
            <Text>{t('accessibility.feedback.text')}</Text>
            <Text>
              {t('accessibility.feedback.email')}: <Anchor href={`mailto:${feedbackEmail}`}>{feedbackEmail}</Anchor>
            </Text>
          </StatementSection>
          <StatementSection id="statement-enforcement" heading={t('accessibility.enforcement.heading')}>
            <Text>{t('accessibility.enforcement.text')}</Text>
            <Text fw={600}>{t('accessibility.enforcement.authority')}</Text>
            <Text>
              {t('accessibility.enforcement.website')}{' '}
              <Anchor href={t('uiStrings.supervisorWebsite.url')}>{t('uiStrings.supervisorWebsite.name')}</Anchor>
            </Text>
          </StatementSection>
          <Anchor component={Link} to={paths.families}>
            {t('accessibility.backToService')}
          </Anchor>
        </Stack>
      </Container>
    </>
  );
}
