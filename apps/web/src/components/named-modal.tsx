import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Modal with its icon-only close button named in the reader's language. The theme
 * cannot set this label because it has no access to the translations; every dialog uses this.
 */
export function NamedModal(props: Omit<ModalProps, 'closeButtonProps'>) {
  const { t } = useTranslation();
  return <Modal {...props} closeButtonProps={{ 'aria-label': t('common.close') }} />;
}
