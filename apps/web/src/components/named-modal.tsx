import type { ModalProps } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './loading-state';

// The dialog's code (focus trap, scroll lock) loads when a dialog is first opened, not with every screen that has one.
const Modal = lazy(() => import('./modal-dialog').then((m) => ({ default: m.Modal })));

/**
 * Mantine's Modal with its icon-only close button named in the reader's language. The theme
 * cannot set this label because it has no access to the translations; every dialog uses this.
 * A form whose code loads on opening says it is loading inside the dialog.
 */
export function NamedModal({ children, ...props }: Omit<ModalProps, 'closeButtonProps'>) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(props.opened);
  if (props.opened && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <Modal {...props} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Suspense fallback={<LoadingState />}>{children}</Suspense>
      </Modal>
    </Suspense>
  );
}
