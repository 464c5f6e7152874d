import { useTranslation } from 'react-i18next';
import { AuditExportForm } from '../../features/audit-export/components/audit-export-form';
import { AdminSection } from '../admin-section';

export function AdminAuditRoute() {
  const { t } = useTranslation();
  return (
    <AdminSection id="audit-export-title" title={t('auditExport.title')} intro={t('auditExport.intro')}>
      <AuditExportForm />
    </AdminSection>
  );
}
