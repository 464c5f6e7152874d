import { INVITATION_VALID_HOURS, type LocalizedText, type ProfessionalRole } from '@yhdessa/shared';
import type { Mail } from '../../mail/mailer';

interface InvitationMail {
  to: string;
  name: string;
  invitedBy: string;
  link: string;
  /** A professional's role; a family member's mail names no family and no service, as mail is not private. */
  as?: ProfessionalRole;
  /** The worker's service. */
  service?: LocalizedText;
}

const roleWords: Record<ProfessionalRole, { fi: string; en: string }> = {
  coordinator: { fi: ' perheiden koordinaattorina', en: ' as a family coordinator' },
  worker: { fi: ' palvelun työntekijänä', en: ' as a worker of a service' },
  manager: { fi: ' johdon raportteja katsomaan', en: ' to follow the management reports' },
  admin: { fi: ' ylläpitäjänä', en: ' as an administrator' },
};

/** What the invitee is invited as, in Finnish and in English. */
function invitedAs({ as, service }: Pick<InvitationMail, 'as' | 'service'>): { fi: string; en: string } {
  if (service) return { fi: ` palvelun ${service.fi} työntekijänä`, en: ` as a worker of ${service.en ?? service.fi}` };
  if (as) return roleWords[as];
  return { fi: ' seuraamaan perheesi yhteistä suunnitelmaa', en: " to follow your family's shared plan" };
}

/** Finnish first, then English: the invitee has not chosen a language yet. */
export function invitationMail({ to, name, invitedBy, link, as, service }: InvitationMail): Mail {
  const { fi: asFi, en: asEn } = invitedAs({ as, service });
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

/** Someone tried to invite an address that has a login already: its holder hears of it, the inviter does not. */
export function existingLoginMail({ to, invitedBy, signInLink }: { to: string; invitedBy: string; signInLink: string }): Mail {
  return {
    to,
    subject: 'Kutsu Yhdessä-palveluun / Invitation to Yhdessä',
    text: [
      'Hei,',
      '',
      `${invitedBy} kutsui tämän osoitteen Yhdessä-palveluun, mutta osoitteella on jo tunnus.`,
      `Kirjaudu sisään: ${signInLink}`,
      'Jos et muista salasanaasi, pyydä uusi kirjautumissivulla. Jos et odottanut tätä viestiä, voit jättää sen huomiotta.',
      '',
      '---',
      '',
      'Hello,',
      '',
      `${invitedBy} invited this address to Yhdessä, but it has a login already.`,
      `Sign in: ${signInLink}`,
      'If you have forgotten your password, ask for a new one on the sign-in page. If you did not expect this message, you can ignore it.',
    ].join('\n'),
  };
}

/** A worker who signs in already was added to one more service. */
export function addedToServiceMail({
  to,
  name,
  service,
  signInLink,
}: {
  to: string;
  name: string;
  service: LocalizedText;
  signInLink: string;
}): Mail {
  return {
    to,
    subject: 'Sinut lisättiin palveluun / You were added to a service',
    text: [
      `Hei ${name},`,
      '',
      `Sinut lisättiin Yhdessä-palvelussa palvelun ${service.fi} työntekijäksi. Kirjaudu sisään: ${signInLink}`,
      '',
      '---',
      '',
      `Hello ${name},`,
      '',
      `You were added in Yhdessä as a worker of ${service.en ?? service.fi}. Sign in: ${signInLink}`,
    ].join('\n'),
  };
}
