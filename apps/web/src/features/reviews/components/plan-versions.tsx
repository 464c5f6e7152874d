import { Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { EntityChanges } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { planVersionComparisonQueryOptions, planVersionsQueryOptions } from '../api/reviews.query';

/** The frozen versions of the plan, and what changed between any two of them. */
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
            {versions.data.map((version) => (
              <Text component="li" size="sm" key={version.version}>
                {t('versions.item', { version: version.version, date: formatDateTimeParts(version.frozenAt, language).date })}
              </Text>
            ))}
          </Stack>
          {versions.data.length > 1 && (
            <form
              className="no-print"
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
          {pair && pair.from !== pair.to && <Comparison familyId={familyId} from={pair.from} to={pair.to} />}
        </>
      )}
    </Stack>
  );
}

function Comparison({ familyId, from, to }: { familyId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const comparison = useQuery(planVersionComparisonQueryOptions(familyId, from, to));
  if (comparison.isPending) return <LoadingState />;
  if (comparison.isError) return <ErrorState title={t('versions.compareFailed')} onRetry={() => void comparison.refetch()} />;
  const kinds = ['goals', 'serviceRoles', 'actions'] as const;
  const nothing = kinds.every((kind) => {
    const changes = comparison.data[kind];
    return changes.added.length + changes.removed.length + changes.changed.length === 0;
  });
  return (
    <Card withBorder padding="md" aria-live="polite">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t('versions.comparisonTitle', { from, to })}
        </Title>
        {nothing ? (
          <Text size="sm">{t('versions.noChanges')}</Text>
        ) : (
          kinds.map((kind) => <ChangeTable key={kind} title={t(`versions.kind.${kind}`)} changes={comparison.data[kind]} />)
        )}
      </Stack>
    </Card>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function ChangeTable({ title, changes }: { title: string; changes: EntityChanges }) {
  const { t } = useTranslation();
  const rows = [
    ...changes.added.map((entity) => ({ key: `a-${entity.id}`, title: entity.title, what: t('versions.added'), detail: '' })),
    ...changes.removed.map((entity) => ({ key: `r-${entity.id}`, title: entity.title, what: t('versions.removed'), detail: '' })),
    ...changes.changed.map((entity) => ({
      key: `c-${entity.id}`,
      title: entity.title,
      what: t('versions.changed'),
      detail: entity.fields.map((field) => `${field.field}: ${show(field.before)} → ${show(field.after)}`).join('; '),
    })),
  ];
  if (rows.length === 0) return null;
  return (
    <Table striped withTableBorder fz="sm" captionSide="top">
      <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('versions.colItem')}</Table.Th>
          <Table.Th scope="col">{t('versions.colChange')}</Table.Th>
          <Table.Th scope="col">{t('versions.colDetail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.title}</Table.Td>
            <Table.Td>{row.what}</Table.Td>
            <Table.Td>{row.detail}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
