import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { PlanAction } from '@yhdessa/shared';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedModal } from '../../../components/named-modal';
import { useHasDraft } from '../../../lib/draft-storage';
import type { GoalChoice } from './action-fields';
import { ActionStatusSelect } from './action-status-select';
import { ActionStatusText } from './action-status-text';
import { actionDraft } from './action-drafts';

// The form's code (and its calendar's) loads when the form is opened.
const EditActionForm = lazy(() => import('./edit-action-form').then((m) => ({ default: m.EditActionForm })));

interface ActionControlsProps {
  familyId: string;
  action: PlanAction;
  /** The goals the reader sees, to link the action to. */
  goals: GoalChoice[];
  /** The family reads and chooses statuses in plain words. */
  forFamily?: boolean;
}

/**
 * On an action's row: its status, and for whoever the server lets change the action, the status
 * to choose and an edit of its words, owner, due date and goal.
 */
export function ActionControls({ familyId, action, goals, forFamily = false }: ActionControlsProps) {
  const { t } = useTranslation();
  // An edit left unsaved (the session ended, the page was reloaded) opens where the user left it.
  const unsaved = useHasDraft(actionDraft(familyId, action.id));
  const [editing, setEditing] = useState(unsaved);
  if (!action.can.changeStatus) return <ActionStatusText action={action} forFamily={forFamily} />;
  return (
    <ActionStatusSelect familyId={familyId} action={action} forFamily={forFamily}>
      <Button
        variant="subtle"
        size="xs"
        className="no-print"
        style={{ alignSelf: 'flex-end' }}
        leftSection={<IconPencil size={14} aria-hidden />}
        aria-label={t('goalsOverTime.editActionNamed', { title: action.title })}
        onClick={() => setEditing(true)}
      >
        {t('goalsOverTime.editAction')}
      </Button>
      <NamedModal opened={editing} onClose={() => setEditing(false)} title={t('goalsOverTime.editActionTitle')}>
        {editing && <EditActionForm familyId={familyId} action={action} goals={goals} onDone={() => setEditing(false)} />}
      </NamedModal>
    </ActionStatusSelect>
  );
}
