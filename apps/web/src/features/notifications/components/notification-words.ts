import type { Language, Notification, NotifiedRole } from '@yhdessa/shared';
import type { TFunction } from 'i18next';
import { formatDate, localizeText } from '../../../lib/locale';
import { paths } from '../../../lib/paths';

/** What a notification says, in the reader's language, from its kind and the words it keeps. */
export function describeNotification(t: TFunction, language: Language, notification: Notification): string {
  const service = (name: Parameters<typeof localizeText>[0] | null) => (name ? localizeText(name, language) : '');
  const date = (isoDate: string | null) => (isoDate ? formatDate(isoDate, language) : '');
  switch (notification.kind) {
    case 'actionAssigned': {
      const { title, serviceName } = notification.details;
      return serviceName
        ? t('notifications.kind.actionAssigned.service', { title, service: service(serviceName) })
        : t('notifications.kind.actionAssigned.family', { title });
    }
    case 'actionOverdue':
      return t('notifications.kind.actionOverdue', {
        title: notification.details.title,
        date: date(notification.details.dueOn),
      });
    case 'commentAdded': {
      const { on, title } = notification.details;
      return t(`notifications.kind.commentAdded.${on}`, { title });
    }
    case 'serviceRoleChanged': {
      const { change, serviceName, endsOn } = notification.details;
      return t(`notifications.kind.serviceRoleChanged.${change}`, { service: service(serviceName), date: date(endsOn) });
    }
    case 'invitationReceived':
      return t('notifications.kind.invitationReceived', { service: service(notification.details.serviceName) });
    case 'invitationAnswered': {
      const { answer, serviceName } = notification.details;
      return t(`notifications.kind.invitationAnswered.${answer}`, { service: service(serviceName) });
    }
    case 'handoverRequested':
      return t('notifications.kind.handoverRequested');
    case 'reviewScheduled':
      return t('notifications.kind.reviewScheduled', { date: date(notification.details.scheduledOn) });
    case 'reviewCompleted': {
      const { scheduledOn, planVersion } = notification.details;
      return planVersion
        ? t('notifications.kind.reviewCompleted.version', { date: date(scheduledOn), version: planVersion })
        : t('notifications.kind.reviewCompleted.plain', { date: date(scheduledOn) });
    }
    case 'consentChanged': {
      const { granted, serviceName, part } = notification.details;
      return t(`notifications.kind.consentChanged.${granted ? 'granted' : 'withdrawn'}`, {
        service: service(serviceName),
        part: t(`consents.part.${part}.title`),
      });
    }
  }
}

const inSection = (familyId: string, section: string) => `${paths.family(familyId)}?section=${section}`;

/**
 * Where a notification leads: the family's plan, open at the section that holds the item, or the
 * screen where it is answered. A service whose part ended no longer sees the plan: its own list.
 */
export function notificationLink(notification: Notification, role: NotifiedRole): string {
  const familyId = notification.family.id;
  switch (notification.kind) {
    case 'actionAssigned':
    case 'actionOverdue':
    case 'invitationAnswered':
      return inSection(familyId, 'services');
    case 'commentAdded': {
      const { on } = notification.details;
      if (on === 'action') return inSection(familyId, 'services');
      if (on === 'story') return inSection(familyId, 'story');
      return inSection(familyId, role === 'family' ? 'goals' : 'overview');
    }
    case 'serviceRoleChanged':
      return notification.details.change === 'ended' ? paths.families : inSection(familyId, 'services');
    case 'invitationReceived':
      return paths.families;
    case 'handoverRequested':
      return paths.family(familyId);
    case 'reviewScheduled':
    case 'reviewCompleted':
      return inSection(familyId, 'meetings');
    case 'consentChanged':
      return role === 'coordinator' ? paths.consents(familyId) : paths.family(familyId);
  }
}
