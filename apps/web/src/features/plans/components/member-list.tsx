import { List, Text } from '@mantine/core';
import type { FamilyMember } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

export function MemberList({ members }: { members: FamilyMember[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <Text size="sm">{t('plan.noMembers')}</Text>;
  return (
    <List spacing={4} size="sm" listStyleType="none" p={0}>
      {members.map((member) => (
        <List.Item key={member.id}>
          <Text span fw={600} size="sm">
            {member.name}
          </Text>
          {', '}
          {member.birthYear !== null
            ? t('plan.memberWithBirthYear', { relation: t(`memberRelation.${member.relation}`), year: member.birthYear })
            : t(`memberRelation.${member.relation}`)}
        </List.Item>
      ))}
    </List>
  );
}
