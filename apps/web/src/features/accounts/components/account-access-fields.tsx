import { Checkbox, NativeSelect, Stack } from '@mantine/core';
import { professionalRoles, type LocalizedText, type ProfessionalRole } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';

/** A service a worker can be put in; a retired one only shows while the worker is in it already. */
export interface ServiceChoice {
  id: string;
  name: LocalizedText;
  retired: boolean;
}

interface AccountAccessFieldsProps {
  role: ProfessionalRole;
  serviceIds: readonly string[];
  services: readonly ServiceChoice[];
  onRoleChange: (role: ProfessionalRole) => void;
  onServiceIdsChange: (serviceIds: string[]) => void;
  /** Translated messages. */
  errors: { serviceIds?: string };
}

/** The role, and for a worker the services they work in: what decides which families they can reach. */
export function AccountAccessFields({
  role,
  serviceIds,
  services,
  onRoleChange,
  onServiceIdsChange,
  errors,
}: AccountAccessFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('administration.role')}
        value={role}
        onChange={(event) => onRoleChange(event.currentTarget.value as ProfessionalRole)}
        data={professionalRoles.map((value) => ({ value, label: capitalised(t(`roles.${value}`)) }))}
      />
      {role === 'worker' && (
        <Checkbox.Group
          label={t('administration.services')}
          description={t('administration.servicesHint')}
          value={[...serviceIds]}
          onChange={onServiceIdsChange}
          error={errors.serviceIds}
        >
          <Stack gap="xs" mt="xs">
            {services.map((service) => {
              const name = localizeText(service.name, language);
              return (
                <Checkbox
                  key={service.id}
                  value={service.id}
                  label={service.retired ? t('administration.retiredService', { name }) : name}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
      )}
    </Stack>
  );
}
