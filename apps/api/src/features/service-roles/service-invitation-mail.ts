import type { Mail } from '../../mail/mailer';

/** News of an invitation for a service. It names no family: mail is not a place for case data. */
export function serviceInvitedMail(to: string, workspaceLink: string): Mail {
  return {
    to,
    subject: 'Palvelunne kutsuttiin perheen yhteiseen suunnitelmaan / Your service was invited to a shared plan',
    text: [
      'Hei,',
      '',
      'palvelunne kutsuttiin mukaan perheen yhteiseen suunnitelmaan Yhdessä-palvelussa.',
      `Kirjaudu sisään ja vastaa kutsuun: ${workspaceLink}`,
      '',
      '---',
      '',
      'Hello,',
      '',
      "your service was invited to a family's shared plan in Yhdessä.",
      `Sign in and answer the invitation: ${workspaceLink}`,
    ].join('\n'),
  };
}
