import { PASSWORD_RESET_VALID_HOURS } from '@yhdessa/shared';
import type { Mail } from '../../mail/mailer';

/** Finnish, Swedish, then English: the mail is read before anyone has chosen a language. */
export function passwordResetMail({ to, name, link }: { to: string; name: string; link: string }): Mail {
  const hours = PASSWORD_RESET_VALID_HOURS;
  return {
    to,
    subject: 'Uusi salasana / Nytt lösenord / New password – Yhdessä',
    text: [
      `Hei ${name},`,
      '',
      'Yhdessä-palveluun pyydettiin uutta salasanaa tälle osoitteelle.',
      `Aseta uusi salasana tämän linkin kautta ${hours} tunnin kuluessa:`,
      '',
      link,
      '',
      'Linkki toimii vain kerran, ja se kirjaa sinut ulos kaikilta laitteilta. Jos et pyytänyt uutta salasanaa, voit jättää viestin huomiotta: salasanasi pysyy ennallaan.',
      '',
      '---',
      '',
      `Hej ${name},`,
      '',
      'Någon bad om ett nytt lösenord till Yhdessä för den här adressen.',
      `Välj ett nytt lösenord via den här länken inom ${hours} timme:`,
      '',
      link,
      '',
      'Länken fungerar bara en gång och loggar ut dig på alla enheter. Om du inte bad om ett nytt lösenord kan du ignorera meddelandet: ditt lösenord förblir oförändrat.',
      '',
      '---',
      '',
      `Hello ${name},`,
      '',
      'A new password for Yhdessä was asked for this address.',
      `Set a new password with this link within ${hours} hour:`,
      '',
      link,
      '',
      'The link works only once, and it signs you out on every device. If you did not ask for a new password, you can ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}
