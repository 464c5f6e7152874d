import { INVITATION_VALID_HOURS, type LocalizedText } from '@yhdessa/shared';
import type { Mail } from '../mail/mailer';

interface InvitationMail {
  to: string;
  name: string;
  invitedBy: string;
  link: string;
  /** The worker's service; a family member's mail names no family and no service, as mail is not private. */
  service?: LocalizedText;
}

/** Finnish first, then English: the invitee has not chosen a language yet. */
export function invitationMail({ to, name, invitedBy, link, service }: InvitationMail): Mail {
  const asFi = service ? ` palvelun ${service.fi} työntekijänä` : ' seuraamaan perheesi yhteistä suunnitelmaa';
  const asEn = service ? ` as a worker of ${service.en ?? service.fi}` : " to follow your family's shared plan";
  return {
    to,
    subject: 'Kutsu Yhdessä-palveluun / Invitation to Yhdessä',
    text: [
      `Hei ${name},`,
      '',
      `${invitedBy} kutsui sinut käyttämään Yhdessä-palvelua${asFi}.`,
      `Aseta itsellesi salasana tämän linkin kautta ${INVITATION_VALID_HOURS} tunnin kuluessa:`,
      '',
      link,
      '',
      'Linkki toimii vain kerran. Jos et odottanut tätä viestiä, voit jättää sen huomiotta.',
      '',
      '---',
      '',
      `Hello ${name},`,
      '',
      `${invitedBy} invited you to use Yhdessä${asEn}.`,
      `Set your password with this link within ${INVITATION_VALID_HOURS} hours:`,
      '',
      link,
      '',
      'The link works only once. If you did not expect this message, you can ignore it.',
    ].join('\n'),
  };
}
