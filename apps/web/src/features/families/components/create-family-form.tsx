import { ActionIcon, Alert, Button, Fieldset, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { memberRelations, type FamilyDetail, type MemberRelation, type NewMember } from '@yhdessa/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useCreateFamily } from '../api/create-family.mutation';

interface MemberDraft {
  key: number;
  name: string;
  relation: MemberRelation;
  birthYear: string | number;
}

interface CreateFamilyFormProps {
  onCreated: (family: FamilyDetail) => void;
  onCancel: () => void;
}

const thisYear = new Date().getFullYear();

/** A new case: the family's name and its members. A possible duplicate is shown and may be confirmed. */
export function CreateFamilyForm({ onCreated, onCancel }: CreateFamilyFormProps) {
  const { t } = useTranslation();
  const create = useCreateFamily();
  const formId = useId();
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [members, setMembers] = useState<MemberDraft[]>([{ key: 0, name: '', relation: 'guardian', birthYear: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const [showErrors, setShowErrors] = useState(false);

  const duplicate = isApiError(create.error, 'possible_duplicate') ? create.error : null;
  const otherError = create.isError && !duplicate;

  const filled = members.filter((member) => member.name.trim() !== '' || member.birthYear !== '');
  const invalidYear = (member: MemberDraft) =>
    member.birthYear !== '' && (Number(member.birthYear) < 1900 || Number(member.birthYear) > thisYear);
  const memberInvalid = (member: MemberDraft) => (member.name.trim() === '' && member.birthYear !== '') || invalidYear(member);

  function update(key: number, change: Partial<MemberDraft>) {
    create.reset();
    setMembers((current) => current.map((member) => (member.key === key ? { ...member, ...change } : member)));
  }

  function submit(confirmDuplicate: boolean) {
    setShowErrors(true);
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    if (filled.some(memberInvalid)) return;
    const body: NewMember[] = filled.map((member) => ({
      name: member.name.trim(),
      relation: member.relation,
      birthYear: member.birthYear === '' ? null : Number(member.birthYear),
    }));
    create.mutate({ name: name.trim(), members: body, confirmDuplicate }, { onSuccess: onCreated });
  }

  return (
    <form
      id={formId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('createFamily.name')}
          description={t('createFamily.nameHint')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameMissing(false);
            create.reset();
          }}
          error={nameMissing ? t('createFamily.nameRequired') : undefined}
          required
          maxLength={200}
          data-autofocus
        />
        <Fieldset legend={t('createFamily.members')} variant="unstyled">
          <Stack gap="sm">
            {members.map((member, index) => (
              <Group
                key={member.key}
                gap="xs"
                align="flex-start"
                wrap="wrap"
                role="group"
                aria-label={t('createFamily.memberN', { n: index + 1 })}
              >
                <TextInput
                  label={t('createFamily.memberName')}
                  value={member.name}
                  onChange={(event) => update(member.key, { name: event.currentTarget.value })}
                  error={
                    showErrors && member.name.trim() === '' && member.birthYear !== ''
                      ? t('createFamily.memberNameRequired')
                      : undefined
                  }
                  maxLength={200}
                  style={{ flex: '2 1 180px' }}
                />
                <Select
                  label={t('createFamily.relation')}
                  data={memberRelations.map((value) => ({ value, label: t(`memberRelation.${value}`) }))}
                  value={member.relation}
                  onChange={(value) => value && update(member.key, { relation: value as MemberRelation })}
                  allowDeselect={false}
                  style={{ flex: '1 1 140px' }}
                />
                <NumberInput
                  label={t('createFamily.birthYear')}
                  value={member.birthYear}
                  onChange={(value) => update(member.key, { birthYear: value })}
                  min={1900}
                  max={thisYear}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  error={showErrors && invalidYear(member) ? t('createFamily.birthYearInvalid', { max: thisYear }) : undefined}
                  style={{ flex: '0 1 120px' }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size={36}
                  mt={25}
                  aria-label={t('createFamily.removeMember', { n: index + 1 })}
                  onClick={() => setMembers((current) => current.filter((other) => other.key !== member.key))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => {
                  setMembers((current) => [...current, { key: nextKey, name: '', relation: 'child', birthYear: '' }]);
                  setNextKey(nextKey + 1);
                }}
              >
                {t('createFamily.addMember')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        {duplicate && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('createFamily.duplicateTitle')}
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('createFamily.duplicateText', { count: duplicate.duplicates?.count ?? 1 })}</Text>
              <Button onClick={() => submit(true)} loading={create.isPending}>
                {t('createFamily.createAnyway')}
              </Button>
            </Stack>
          </Alert>
        )}
        {otherError && (
          <Alert color="red" variant="light" role="alert">
            {t('createFamily.failed')}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {t('createFamily.cancel')}
          </Button>
          {!duplicate && (
            <Button type="submit" loading={create.isPending}>
              {t('createFamily.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
