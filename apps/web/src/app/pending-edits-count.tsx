import { Badge, VisuallyHidden } from '@mantine/core';
import { IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePendingEditCount } from '../lib/pending-edits';
import classes from './pending-edits-count.module.css';

/** In the header: how many changes wait for the connection, announced as the number changes. */
export function PendingEditsCount() {
  const { t } = useTranslation();
  const count = usePendingEditCount();
  return (
    <span role="status" className={classes.count}>
      {count > 0 && (
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
      )}
    </span>
  );
}
