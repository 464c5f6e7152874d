import { municipalityDate } from '../../core/clock';
import type { Mail } from '../../mail/mailer';

/*
 * Mail about an invitation names no family and carries nothing the coordinator wrote: mail is
 * not a place for case data. It says what to do and where; the rest is read after signing in.
 */

const messageLines = {
  fi: 'Koordinaattori on liittänyt kutsuun viestin, jonka näet kirjauduttuasi.',
  en: 'The coordinator added a message to the invitation; you can read it after signing in.',
};

/** News of an invitation for a service, to its workers or its contact address. */
export function serviceInvitedMail(to: string, link: string, { hasMessage }: { hasMessage: boolean }): Mail {
  return {
    to,
    subject: 'Palvelunne kutsuttiin perheen yhteiseen suunnitelmaan / Your service was invited to a shared plan',
    text: [
      'Hei,',
      '',
      'palvelunne kutsuttiin mukaan perheen yhteiseen suunnitelmaan Yhdessä-palvelussa.',
      ...(hasMessage ? [messageLines.fi] : []),
      `Kirjaudu sisään ja vastaa kutsuun: ${link}`,
      '',
      '---',
      '',
      'Hello,',
      '',
      "your service was invited to a family's shared plan in Yhdessä.",
      ...(hasMessage ? [messageLines.en] : []),
      `Sign in and answer the invitation: ${link}`,
    ].join('\n'),
  };
}

/** The one reminder of an invitation still unanswered after two working days. */
export function invitationReminderMail(to: string, link: string, invitedAt: Date): Mail {
  const [year, month, day] = municipalityDate(invitedAt).split('-').map(Number);
  const invitedOn = `${day}.${month}.${year}`;
  return {
    to,
    subject: 'Muistutus: kutsu perheen yhteiseen suunnitelmaan odottaa vastausta / Reminder: an invitation awaits your answer',
    text: [
      'Hei,',
      '',
      `palvelunne kutsuttiin ${invitedOn} mukaan perheen yhteiseen suunnitelmaan, eikä kutsuun ole vielä vastattu.`,
      'Koordinaattori odottaa vastaustanne: hyväksykää kutsu tai kertokaa, miksi ette voi tulla mukaan.',
      `Kirjaudu sisään ja vastaa kutsuun: ${link}`,
      '',
      '---',
      '',
      'Hello,',
      '',
      `your service was invited on ${invitedOn} to a family's shared plan, and the invitation has not been answered yet.`,
      'The coordinator is waiting for your answer: accept the invitation, or tell them why you cannot take part.',
      `Sign in and answer the invitation: ${link}`,
    ].join('\n'),
  };
}
