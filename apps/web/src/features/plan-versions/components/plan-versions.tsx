import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';
import { planVersionsQueryOptions } from '../api/plan-versions.query';
import { VersionChanges } from './version-changes';

/** The frozen versions of the plan, each to open as it was, and what changed between any two of them. */
export function PlanVersions({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useQuery(planVersionsQueryOptions(familyId));
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-versions-title">
      <Title order={3} size="h5" id="plan-versions-title">
        {t('versions.title')}
      </Title>
      {versions.isPending ? (
        <LoadingState />
      ) : versions.isError ? (
        <ErrorState title={t('versions.loadFailed')} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Text size="sm">{t('versions.empty')}</Text>
      ) : (
        <>
          <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
            {versions.data.map((version) => {
              const date = formatDateTimeParts(version.frozenAt, language).date;
              return (
                <Text component="li" size="sm" key={version.version}>
                  <Anchor
                    component={Link}
                    to={paths.planVersion(familyId, version.version)}
                    size="sm"
                    aria-label={t('versionsAndPrint.openLabel', { version: version.version, date })}
                    mih={32}
                    style={{ display: 'inline-flex', alignItems: 'center' }}
                  >
                    {t('versions.item', { version: version.version, date })}
                  </Anchor>
                </Text>
              );
            })}
          </Stack>
          {versions.data.length > 1 && (
            <form
              className="no-print"
              aria-label={t('versionsAndPrint.compareTitle')}
              onSubmit={(event) => {
                event.preventDefault();
                const options = versions.data.map((version) => version.version);
                const a = Number(from || options.at(-2));
                const b = Number(to || options.at(-1));
                setPair({ from: Math.min(a, b), to: Math.max(a, b) });
              }}
            >
              <Group gap="xs" align="flex-end">
                <NativeSelect
                  label={t('versions.from')}
                  value={from || String(versions.data.at(-2)?.version ?? '')}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                  data={versions.data.map((version) => String(version.version))}
                />
                <NativeSelect
                  label={t('versions.to')}
                  value={to || String(versions.data.at(-1)?.version ?? '')}
                  onChange={(e) => setTo(e.currentTarget.value)}
                  data={versions.data.map((version) => String(version.version))}
                />
                <Button type="submit" variant="light">
                  {t('versions.compare')}
                </Button>
              </Group>
            </form>
          )}
          {pair && pair.from !== pair.to && <VersionChanges familyId={familyId} from={pair.from} to={pair.to} />}
        </>
      )}
    </Stack>
  );
}
