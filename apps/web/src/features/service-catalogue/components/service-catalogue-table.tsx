import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import type { CatalogueService } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedModal } from '../../../components/named-modal';
import { RecordCard, RecordCards, useRecordCards } from '../../../components/record-cards';
import { RecordName, RecordTable } from '../../../components/record-table';
import { formatDateTimeParts, formatEuros, localizeText, useLanguage } from '../../../lib/locale';
import { useCatalogueLabels } from '../hooks/use-catalogue-labels';
import { ServiceForm } from './service-form';
import { ServiceRetirementModal } from './service-retirement-modal';

/** The whole catalogue as the administrator keeps it: each service editable and retirable; cards on a phone. */
export function ServiceCatalogueTable({ services }: { services: CatalogueService[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useCatalogueLabels();
  const asCards = useRecordCards();
  const [editing, setEditing] = useState<CatalogueService | null>(null);
  const [retiring, setRetiring] = useState<CatalogueService | null>(null);

  if (services.length === 0)
    return (
      <Stack gap={4}>
        <Text fw={600}>{t('catalogue.emptyTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('catalogue.emptyDescription')}
        </Text>
      </Stack>
    );

  const status = (service: CatalogueService) =>
    service.retiredAt ? (
      <Badge color="gray" variant="light">
        {t('administration.retiredOn', { date: formatDateTimeParts(service.retiredAt, language).date })}
      </Badge>
    ) : (
      <Text size="sm" c="teal.9" fw={600}>
        {t('administration.inUse')}
      </Text>
    );
  const actions = (service: CatalogueService) => {
    const name = localizeText(service.name, language);
    const variant = asCards ? 'default' : 'subtle';
    const size = asCards ? 'sm' : 'xs';
    return (
      <>
        <Button
          variant={variant}
          size={size}
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setEditing(service)}
          aria-label={t('catalogue.editNamed', { name })}
        >
          {t('catalogue.edit')}
        </Button>
        <Button
          variant={variant}
          size={size}
          color={service.retiredAt ? undefined : 'red'}
          leftSection={service.retiredAt ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
          onClick={() => setRetiring(service)}
          aria-label={t(service.retiredAt ? 'administration.restoreNamed' : 'administration.retireNamed', { name })}
        >
          {t(service.retiredAt ? 'administration.restore' : 'administration.retire')}
        </Button>
      </>
    );
  };

  return (
    <>
      {asCards ? (
        <RecordCards label={t('administration.catalogueCardsLabel')}>
          {services.map((service) => (
            <RecordCard
              key={service.id}
              title={localizeText(service.name, language)}
              detail={service.contact}
              fields={[
                {
                  label: t('catalogue.unitCost'),
                  value: `${formatEuros(service.unitCostCents, language)} / ${labels.unit(service.unit)}`,
                },
                { label: t('catalogue.category'), value: labels.category(service.category) },
                { label: t('catalogue.organisation'), value: service.organisation.name },
                { label: t('administration.status'), value: status(service) },
              ]}
              actions={actions(service)}
            />
          ))}
        </RecordCards>
      ) : (
        <RecordTable
          label={t('catalogue.tableLabel')}
          minWidth={1020}
          columns={[
            { label: t('catalogue.service') },
            { label: t('catalogue.category') },
            { label: t('catalogue.organisation') },
            { label: t('catalogue.unit') },
            { label: t('catalogue.unitCost'), align: 'right' },
            { label: t('administration.status') },
          ]}
          actionsLabel={t('catalogue.actions')}
        >
          {services.map((service) => (
            <Table.Tr key={service.id}>
              <RecordName title={localizeText(service.name, language)} detail={service.contact} />
              <Table.Td>{labels.category(service.category)}</Table.Td>
              <Table.Td>{service.organisation.name}</Table.Td>
              <Table.Td>{labels.unit(service.unit)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatEuros(service.unitCostCents, language)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(service)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {actions(service)}
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
      <NamedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('catalogue.editTitle', { name: localizeText(editing.name, language) }) : ''}
        size="xl"
      >
        {editing && <ServiceForm key={editing.id} service={editing} onDone={() => setEditing(null)} />}
      </NamedModal>
      <ServiceRetirementModal service={retiring} onClose={() => setRetiring(null)} />
    </>
  );
}
