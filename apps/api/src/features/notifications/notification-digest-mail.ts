import type { Language, NotificationKind } from '@yhdessa/shared';
import type { Mail } from '../../mail/mailer';

/** What a kind is called in a count line of the digest, in each language. */
const kindWords: Record<NotificationKind, Record<Language, string>> = {
  actionAssigned: { fi: 'uusia tehtäviä', sv: 'nya uppgifter', en: 'new tasks' },
  actionOverdue: { fi: 'myöhässä olevia tehtäviä', sv: 'försenade uppgifter', en: 'overdue tasks' },
  commentAdded: { fi: 'kommentteja', sv: 'kommentarer', en: 'comments' },
  serviceRoleChanged: {
    fi: 'muutoksia palvelusi osuuteen',
    sv: 'ändringar i din tjänsts del',
    en: "changes to your service's part",
  },
  invitationReceived: { fi: 'palvelukutsuja', sv: 'inbjudningar till tjänsten', en: 'invitations for your service' },
  invitationAnswered: { fi: 'vastauksia palvelukutsuihin', sv: 'svar på inbjudningar', en: 'answers to invitations' },
  handoverRequested: { fi: 'siirrettäviä perheitä', sv: 'familjer som överlåts till dig', en: 'families handed over to you' },
  reviewScheduled: { fi: 'sovittuja arviointipalavereja', sv: 'inplanerade uppföljningsmöten', en: 'reviews scheduled' },
  reviewCompleted: { fi: 'pidettyjä arviointipalavereja', sv: 'hållna uppföljningsmöten', en: 'reviews completed' },
  consentChanged: { fi: 'suostumusten muutoksia', sv: 'ändrade samtycken', en: 'consent changes' },
};

const words: Record<Language, { hello: string; intro: (total: number) => string; read: string; settings: string }> = {
  fi: {
    hello: 'Hei,',
    intro: (total) =>
      `sinulle on Yhdessä-palvelussa ${total} ${total === 1 ? 'uusi lukematon ilmoitus' : 'uutta lukematonta ilmoitusta'}:`,
    read: 'Lue ne palvelussa',
    settings: 'Sähköpostikoosteen voit muuttaa tai lopettaa ilmoitusten asetuksista',
  },
  sv: {
    hello: 'Hej,',
    intro: (total) => `du har ${total} ${total === 1 ? 'ny oläst avisering' : 'nya olästa aviseringar'} i Yhdessä:`,
    read: 'Läs dem i tjänsten',
    settings: 'Du kan ändra eller avsluta e-postsammandraget i inställningarna för aviseringar',
  },
  en: {
    hello: 'Hello,',
    intro: (total) => `you have ${total} new unread ${total === 1 ? 'notification' : 'notifications'} in Yhdessä:`,
    read: 'Read them in the service',
    settings: 'You can change or stop the e-mail digest in the notification settings',
  },
};

/**
 * The day's digest: counts and links only. It names no family, person or item: mail is not a
 * place for case data. In Finnish, Swedish and English, as the product speaks all three.
 */
export function notificationDigestMail(to: string, counts: ReadonlyMap<NotificationKind, number>, publicUrl: string): Mail {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const section = (language: Language) => {
    const text = words[language];
    return [
      text.hello,
      '',
      text.intro(total),
      ...[...counts].map(([kind, count]) => `- ${kindWords[kind][language]}: ${count}`),
      '',
      `${text.read}: ${publicUrl}/`,
      `${text.settings}: ${publicUrl}/notifications/settings`,
    ];
  };
  return {
    to,
    subject: `Yhdessä: ${total} ${total === 1 ? 'uusi ilmoitus / ny avisering / new notification' : 'uutta ilmoitusta / nya aviseringar / new notifications'}`,
    text: [...section('fi'), '', '---', '', ...section('sv'), '', '---', '', ...section('en')].join('\n'),
  };
}
