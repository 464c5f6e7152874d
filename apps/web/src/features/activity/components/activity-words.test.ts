import { buildActivityEntry } from '../../../test/fixtures';
import { createI18n, languageLoaded } from '../../../lib/i18n';
import { describeChange, describeDay } from './activity-words';

const i18n = createI18n('en');
const t = i18n.t.bind(i18n);

beforeAll(() => languageLoaded(i18n));

describe('activity in words', () => {
  it.each([
    [buildActivityEntry(), 'Mikko Salo marked “Kotikäynti kahden viikon välein” done'],
    [buildActivityEntry({ status: 'in_progress' }), 'Mikko Salo marked “Kotikäynti kahden viikon välein” in progress'],
    [buildActivityEntry({ status: null }), 'Mikko Salo changed “Kotikäynti kahden viikon välein”'],
    // The reader may not read the action: the line says only what kind of thing changed.
    [
      buildActivityEntry({ status: null, item: { id: 'x', title: null, service: null, day: null } }),
      'Mikko Salo changed an action',
    ],
    [buildActivityEntry({ count: 3, status: null }), 'Mikko Salo changed “Kotikäynti kahden viikon välein” 3 times'],
    [buildActivityEntry({ count: 2, item: { id: 'x', title: null, service: null, day: null } }), 'Mikko Salo made 2 changes'],
    [buildActivityEntry({ actor: null, type: 'feedback.requested', status: null }), 'The system asked the family for feedback'],
    [
      buildActivityEntry({
        type: 'consent.changed',
        status: null,
        actor: { name: 'Anna Virtanen', role: 'family', service: null, relation: 'guardian' },
        item: { id: 'x', title: null, service: { fi: 'Perhetyö', en: 'Family work' }, day: null },
        consent: { part: 'goals', granted: false },
      }),
      'Anna Virtanen no longer lets Family work see the goals',
    ],
    [
      buildActivityEntry({
        type: 'goal.updated',
        status: 'partly_reached',
        item: { id: 'x', title: 'Mornings', service: null, day: null },
      }),
      'Mikko Salo recorded the goal “Mornings” as partly reached',
    ],
  ])('%#: %s', (entry, sentence) => {
    expect(describeChange(entry, t, 'en', false)).toBe(sentence);
  });

  it('when the family reads of a review, then it is their meeting', () => {
    const entry = buildActivityEntry({
      type: 'review.updated',
      status: 'completed',
      item: { id: 'x', title: null, service: null, day: '2026-01-14' },
    });
    expect(describeChange(entry, t, 'en', false)).toBe('Mikko Salo recorded the review on 14 Jan 2026 as held');
    expect(describeChange(entry, t, 'en', true)).toBe('Mikko Salo recorded the meeting on 14 Jan 2026 as held');
  });

  it('when days are headed, then today and yesterday are said in words and older days by date', () => {
    expect(describeDay('2026-01-10', t, 'en', '2026-01-10')).toBe('Today');
    expect(describeDay('2026-01-09', t, 'en', '2026-01-10')).toBe('Yesterday');
    expect(describeDay('2026-01-08', t, 'en', '2026-01-10')).toBe('8 Jan 2026');
  });
});
