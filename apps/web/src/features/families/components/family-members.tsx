import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DisclosureForm } from '../../../components/disclosure-form';
import { ErrorState } from '../../../components/error-state';
import { familyQueryOptions } from '../api/family.query';
import { LoadingState } from '../../../components/loading-state';

// The form's code loads when a member is added or changed.
const MemberForm = lazy(() => import('./member-form').then((m) => ({ default: m.MemberForm })));
import { MemberLine } from './member-line';

interface FamilyMembersProps {
  familyId: string;
  /** Shown while the members with their versions load, e.g. the plan's own list of them. */
  placeholder: ReactNode;
}

/** The coordinator's members box: every member with a way to correct it, and a way to add one. */
export function FamilyMembers({ familyId, placeholder }: FamilyMembersProps) {
  const { t } = useTranslation();
  const family = useQuery(familyQueryOptions(familyId));
  const [editing, setEditing] = useState<string | null>(null);

  if (family.isPending) return placeholder;
  if (family.isError && !family.data) return <ErrorState title={t('members.loadFailed')} onRetry={() => void family.refetch()} />;

  const members = family.data.members;
  return (
    <Stack gap="sm">
      {members.length === 0 ? (
        <Text size="sm">{t('plan.noMembers')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {members.map((member) => (
            <li key={member.id}>
              {editing === member.id ? (
                <Paper withBorder p="sm" className="no-print">
                  <Suspense fallback={<LoadingState />}>
                    <MemberForm familyId={familyId} member={member} onDone={() => setEditing(null)} />
                  </Suspense>
                </Paper>
              ) : (
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={2}>
                    <MemberLine member={member} />
                    {member.hasLogin && (
                      <Badge variant="light" color="gray" tt="none" size="sm">
                        {t('members.hasLogin')}
                      </Badge>
                    )}
                  </Stack>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    className="no-print"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('members.editNamed', { name: member.name })}
                    onClick={() => setEditing(member.id)}
                  >
                    {t('members.edit')}
                  </Button>
                </Group>
              )}
            </li>
          ))}
        </Stack>
      )}
      <DisclosureForm label={t('members.add')} size="xs">
        {(close) => <MemberForm familyId={familyId} onDone={close} />}
      </DisclosureForm>
    </Stack>
  );
}
