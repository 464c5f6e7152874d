import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../core/app-error';

/**
 * zxcvbn-ts with its common-password and keyboard-pattern lists. Score 3 ("safely unguessable",
 * about 10^8 guesses) is the floor: "password1234" and "qwertyuiop12" score 1.
 */
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
const MIN_SCORE = 3;

export type PasswordWeakness = 'personal' | 'common';

/** The person's name and address, whole and in parts, as zxcvbn's user inputs. */
function personalWords(person: { name: string; email: string }): string[] {
  const email = person.email.toLowerCase();
  const local = email.split('@')[0] ?? '';
  const name = person.name.toLowerCase();
  const parts = [...name.split(/[\s.,'-]+/), ...local.split(/[._+-]+/)].filter((part) => part.length >= 3);
  return [...new Set([email, local, name, name.replace(/[\s'-]+/g, ''), local.replace(/[._+-]+/g, ''), ...parts])];
}

/**
 * Why the password may not be used, or null when it may: it is (close to) a common or breached
 * password or an easy pattern, or it is mostly the person's name or e-mail address.
 */
export function passwordWeakness(password: string, person: { name: string; email: string }): PasswordWeakness | null {
  const result = zxcvbn.check(password, personalWords(person));
  const personalLength = result.sequence
    .filter((match) => 'dictionaryName' in match && match.dictionaryName === 'userInputs')
    .reduce((sum, match) => sum + match.token.length, 0);
  if (personalLength * 2 >= password.length) return 'personal';
  if (result.score < MIN_SCORE) return personalLength > 0 ? 'personal' : 'common';
  return null;
}

const messages: Record<PasswordWeakness, string> = {
  personal: 'The password is too close to your name or email address. Choose another.',
  common: 'The password is too common or too easy to guess. Choose a longer one, such as a few unrelated words.',
};

/** Throws a 400 `validation_failed` naming `field` when the password may not be used. */
export function requireStrongPassword(password: string, person: { name: string; email: string }, field: string): void {
  const weakness = passwordWeakness(password, person);
  if (weakness)
    throw new AppError('validation_failed', 'The password is not good enough.', {
      errors: [{ path: field, message: messages[weakness] }],
    });
}
