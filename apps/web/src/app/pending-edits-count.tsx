import { Badge, VisuallyHidden } from '@mantine/core';
import { IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePendingEditCount } from '../lib/pending-edits';
import classes from './pending-edits-count.module.css';

/**
 * In the header, while any change waits for the connection: how many, announced as the number
 * changes. Nothing at all otherwise: the header's other live regions stay the only ones.
 */
export function PendingEditsCount() {
  const { t } = useTranslation();
  const count = usePendingEditCount();
  if (count === 0) return null;
  return (
    <span role="status" className={classes.count}>
      <Badge
        variant="light"
        color="orange"
        size="lg"
        tt="none"
        leftSection={<IconCloudUp size={16} aria-hidden />}
        title={t('offline.pendingCount', { count })}
      >
        <span aria-hidden>{count}</span>
        <VisuallyHidden>{t('offline.pendingCount', { count })}</VisuallyHidden>
      </Badge>
    </span>
  );
}
