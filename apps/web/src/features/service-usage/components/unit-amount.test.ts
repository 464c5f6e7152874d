import { createI18n } from '../../../lib/i18n';
import { unitAmount } from './unit-amount';

describe('an amount of a service unit in words', () => {
  it.each([
    ['fi', 3.5, 'visit', '3,5 käyntiä'],
    ['fi', 1, 'hour', '1 tunti'],
    ['sv', 2, 'meeting', '2 möten'],
    ['en', 1, 'session', '1 session'],
    ['en', 12, 'day', '12 days'],
    ['fi', 2, 'käynti', '2 × käynti'],
  ] as const)('in %s, %d × %s reads "%s"', async (language, units, unit, expected) => {
    const i18n = createI18n(language);
    await i18n.changeLanguage(language);
    expect(unitAmount(i18n.t, units, unit, language)).toBe(expected);
  });
});
