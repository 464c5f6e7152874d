import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DemoAccount } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { demoAccountsQueryOptions } from '../api/demo-accounts.query';

interface DemoAccountsProps {
  onChoose: (account: DemoAccount) => void;
  disabled: boolean;
}

/** Shown only when the API runs in demo mode. */
export function DemoAccounts({ onChoose, disabled }: DemoAccountsProps) {
  const { t } = useTranslation();
  const { data: accounts = [] } = useQuery(demoAccountsQueryOptions());
  if (accounts.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="demo-accounts-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="demo-accounts-title">
          {t('signIn.demoTitle')}
        </Title>
        <Text size="sm">{t('signIn.demoIntro')}</Text>
        {accounts.map((account) => (
          <Button
            key={account.email}
            variant="light"
            justify="flex-start"
            disabled={disabled}
            onClick={() => onChoose(account)}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
            h="auto"
            mih={44}
            py={6}
          >
            {t('signIn.demoAs', { name: account.name, role: t(`roles.${account.role}`) })}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
