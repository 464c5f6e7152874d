import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { handoverSchema, type Handover, type PersonRef } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useChangeHandover } from '../api/handover.query';
import { HandoverState } from './handover-control';

interface HandoverAnswerProps {
  handover: Handover;
  me: PersonRef;
  /** The caller now coordinates the case: its plan may be opened. */
  onAccepted: () => void;
}

/**
 * What the named new coordinator sees of a case before accepting it: its name and who asks,
 * and the choice to accept or decline.
 */
export function HandoverAnswer({ handover, me, onAccepted }: HandoverAnswerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useChangeHandover(handover.family.id);
  const conflict = useVersionConflict(handoverSchema);
  const from = handover.coordinator.name;

  const send = (kind: 'accept' | 'decline', version: number) => {
    conflict.clear();
    answer.mutate({ kind, version }, { onSuccess: kind === 'accept' ? onAccepted : undefined, onError: conflict.capture });
  };

  // Accepted: the plan opens as soon as it has been read.
  if (handover.coordinator.id === me.id) return <LoadingState />;
  const current = conflict.current;
  if (handover.pending?.to.id !== me.id)
    return (
      <Alert color="gray" variant="light" title={handover.family.name}>
        {answer.variables?.kind === 'decline' && answer.isSuccess
          ? t('handover.declined', { name: from })
          : t('handover.noLongerPending', { name: from })}
      </Alert>
    );

  const { date, time } = formatDateTimeParts(handover.pending.requestedAt, language);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="handover-answer-title" maw={640}>
      <Stack gap="sm">
        <Group gap="xs">
          <IconArrowsExchange size={22} aria-hidden />
          <Title order={1} size="h3" id="handover-answer-title">
            {t('handover.answerTitle', { family: handover.family.name })}
          </Title>
        </Group>
        <Text size="sm">{t('handover.answerText', { name: from, family: handover.family.name, date, time })}</Text>
        <Text size="sm">{t('handover.answerBefore')}</Text>
        <Text size="sm">{t('handover.answerAfter', { name: from })}</Text>
        <SaveProblem
          error={answer.error}
          onRetry={() =>
            answer.variables?.kind !== 'request' && answer.variables && send(answer.variables.kind, answer.variables.version)
          }
          conflict={
            current && (
              <ConflictAlert
                pending={answer.isPending}
                onReapply={
                  current.pending?.to.id === me.id
                    ? () => send(answer.variables?.kind === 'decline' ? 'decline' : 'accept', current.family.version)
                    : undefined
                }
                onDiscard={() => {
                  conflict.clear();
                  answer.reset();
                }}
              >
                <HandoverState handover={current} />
              </ConflictAlert>
            )
          }
        />
        {!current && (
          <Group gap="sm">
            <Button
              loading={answer.isPending && answer.variables.kind === 'accept'}
              onClick={() => send('accept', handover.family.version)}
            >
              {t('handover.accept')}
            </Button>
            <Button
              variant="default"
              loading={answer.isPending && answer.variables.kind === 'decline'}
              onClick={() => send('decline', handover.family.version)}
            >
              {t('handover.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
