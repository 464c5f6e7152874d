import { Button, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { CatalogueService } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordName, RecordTable } from '../../../components/record-table';
import { formatEuros, localizeText, useLanguage } from '../../../lib/locale';
import { useCatalogueLabels } from '../hooks/use-catalogue-labels';
import { ServiceForm } from './service-form';
import { NamedModal } from '../../../components/named-modal';

/** The whole catalogue as the administrator keeps it: one row per service, each editable. */
export function ServiceCatalogueTable({ services }: { services: CatalogueService[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useCatalogueLabels();
  const [editing, setEditing] = useState<CatalogueService | null>(null);

  if (services.length === 0)
    return (
      <Stack gap={4}>
        <Text fw={600}>{t('catalogue.emptyTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('catalogue.emptyDescription')}
        </Text>
      </Stack>
    );

  return (
    <>
      <RecordTable
        label={t('catalogue.tableLabel')}
        minWidth={860}
        columns={[
          { label: t('catalogue.service') },
          { label: t('catalogue.category') },
          { label: t('catalogue.organisation') },
          { label: t('catalogue.unit') },
          { label: t('catalogue.unitCost'), align: 'right' },
        ]}
        actionsLabel={t('catalogue.actions')}
      >
        {services.map((service) => {
          const name = localizeText(service.name, language);
          return (
            <Table.Tr key={service.id}>
              <RecordName title={name} detail={service.contact} />
              <Table.Td>{labels.category(service.category)}</Table.Td>
              <Table.Td>{service.organisation.name}</Table.Td>
              <Table.Td>{labels.unit(service.unit)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatEuros(service.unitCostCents, language)}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => setEditing(service)}
                  aria-label={t('catalogue.editNamed', { name })}
                >
                  {t('catalogue.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </RecordTable>
      <NamedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('catalogue.editTitle', { name: localizeText(editing.name, language) }) : ''}
        size="xl"
      >
        {editing && <ServiceForm key={editing.id} service={editing} onDone={() => setEditing(null)} />}
      </NamedModal>
    </>
  );
}
