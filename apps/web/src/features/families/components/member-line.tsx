import { Text } from '@mantine/core';
import type { FamilyMemberDetail } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

/** One member in a line: name, relation and birth year when known. */
export function MemberLine({ member }: { member: FamilyMemberDetail }) {
  const { t } = useTranslation();
  const relation = t(`memberRelation.${member.relation}`);
  return (
    <Text size="sm">
      <Text span fw={600} size="sm">
        {member.name}
      </Text>
      {', '}
      {member.birthYear !== null ? t('members.withBirthYear', { relation, year: member.birthYear }) : relation}
    </Text>
  );
}
