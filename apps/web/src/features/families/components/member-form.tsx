import { NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  familyMemberDetailSchema,
  memberRelations,
  newMemberSchema,
  updateMemberSchema,
  type FamilyMemberDetail,
  type MemberRelation,
} from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { invalidFields } from '../../../lib/form-errors';
import { invalidatePlan } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useSaveMember, type MemberChange } from '../api/member.mutations';
import { MemberLine } from './member-line';
import { FormButtons } from '../../../components/form-buttons';

interface MemberFormProps {
  familyId: string;
  /** The member to correct; without one, the form adds a member. */
  member?: FamilyMemberDetail;
  onDone: () => void;
}

const thisYear = new Date().getFullYear();
const isRelation = (value: string): value is MemberRelation => (memberRelations as readonly string[]).includes(value);

/** Adds a member or corrects one; checked against the shared schema before it is sent. */
export function MemberForm({ familyId, member, onDone }: MemberFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveMember(familyId);
  const conflict = useVersionConflict(familyMemberDetailSchema);
  const [name, setName] = useState(member?.name ?? '');
  const [relation, setRelation] = useState<MemberRelation>(member?.relation ?? 'child');
  const [birthYear, setBirthYear] = useState<string | number>(member?.birthYear ?? '');
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  function submit(version: number | undefined) {
    const fields = { name, relation, birthYear: birthYear === '' ? null : Number(birthYear) };
    const faults = new Set(fields.birthYear !== null && fields.birthYear > thisYear ? ['birthYear'] : []);
    let change: MemberChange | null = null;
    if (member) {
      const parsed = updateMemberSchema.safeParse({ ...fields, version });
      if (parsed.success) change = { kind: 'update', memberId: member.id, body: parsed.data };
      else invalidFields(parsed.error).forEach((field) => faults.add(field));
    } else {
      const parsed = newMemberSchema.safeParse(fields);
      if (parsed.success) change = { kind: 'add', body: parsed.data };
      else invalidFields(parsed.error).forEach((field) => faults.add(field));
    }
    setInvalid(faults);
    if (!change || faults.size > 0) return;
    save.mutate(change, { onSuccess: onDone, onError: conflict.capture });
  }

  const current = conflict.current;
  return (
    <form
      noValidate
      aria-label={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        submit(member?.version);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('members.name')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setInvalid(new Set());
          }}
          error={invalid.has('name') ? t('members.nameRequired') : undefined}
          required
          maxLength={200}
          data-autofocus
        />
        <NativeSelect
          label={t('members.relation')}
          data={memberRelations.map((value) => ({ value, label: t(`memberRelation.${value}`) }))}
          value={relation}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isRelation(value)) setRelation(value);
          }}
        />
        <NumberInput
          label={t('members.birthYear')}
          description={t('members.birthYearHint')}
          value={birthYear}
          onChange={(value) => {
            setBirthYear(value);
            setInvalid(new Set());
          }}
          min={1900}
          max={thisYear}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          error={invalid.has('birthYear') ? t('members.birthYearInvalid', { max: thisYear }) : undefined}
        />
        <SaveProblem
          error={save.error}
          conflict={
            current &&
            member && (
              <ConflictAlert
                pending={save.isPending}
                onReapply={() => {
                  conflict.clear();
                  submit(current.version);
                }}
                onDiscard={() => {
                  // The plan still shows the member as it was before the other change.
                  invalidatePlan(queryClient, familyId);
                  onDone();
                }}
              >
                <Text size="sm" fw={600}>
                  {t('members.savedNow')}
                </Text>
                <MemberLine member={current} />
              </ConflictAlert>
            )
          }
        />
        {!current && (
          <FormButtons
            submitLabel={member ? t('members.save') : t('members.addSave')}
            pending={save.isPending}
            onCancel={onDone}
          />
        )}
      </Stack>
    </form>
  );
}
