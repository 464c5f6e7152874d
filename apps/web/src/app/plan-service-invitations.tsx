import type { Plan, Role } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { DisclosureForm } from '../components/disclosure-form';
import { InviteServiceForm } from '../features/service-catalogue/components/invite-service-form';
import { DeclinedInvitationList } from '../features/service-roles/components/declined-invitation-list';
import { localizeText, useLanguage } from '../lib/locale';

interface PlanServiceInvitationsProps {
  familyId: string;
  plan: Plan;
  role: Role | undefined;
}

/**
 * Under the plan's services: the invitations services declined (the coordinator and the family
 * see them; other services are not told) and, for the coordinator, inviting a service, also in
 * place of one that declined.
 */
export function PlanServiceInvitations({ familyId, plan, role }: PlanServiceInvitationsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const serviceIdsInPlan = plan.serviceRoles.filter((each) => each.status !== 'ended').map((each) => each.service.id);
  return (
    <>
      {(role === 'coordinator' || role === 'family') && (
        <DeclinedInvitationList
          familyId={familyId}
          forFamily={role === 'family'}
          renderInviteAnother={
            plan.can.inviteService
              ? (declined, close) => (
                  <InviteServiceForm
                    familyId={familyId}
                    serviceIdsInPlan={serviceIdsInPlan}
                    onCancel={close}
                    inPlaceOf={{
                      serviceRoleId: declined.serviceRoleId,
                      serviceName: localizeText(declined.service.name, language),
                      category: declined.service.category,
                      message: declined.message ?? '',
                    }}
                  />
                )
              : undefined
          }
        />
      )}
      {plan.can.inviteService && (
        <DisclosureForm label={t('invite.open')}>
          {(close) => <InviteServiceForm familyId={familyId} serviceIdsInPlan={serviceIdsInPlan} onCancel={close} />}
        </DisclosureForm>
      )}
    </>
  );
}
