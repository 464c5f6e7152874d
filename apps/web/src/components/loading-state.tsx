import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePlaceholderShown } from '../lib/first-screen';

export function LoadingState() {
  const { t } = useTranslation();
  usePlaceholderShown();
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}
