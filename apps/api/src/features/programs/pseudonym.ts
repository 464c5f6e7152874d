import { randomInt } from 'node:crypto';

/** Unambiguous capitals and digits: 32^8 pseudonyms, drawn by a cryptographic generator, so none tells of the family or the day. */
const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The name a manager knows an enrolment by, fixed when the family is enrolled. */
export const newPseudonym = () =>
  `R-${Array.from({ length: 8 }, () => PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)]).join('')}`;
