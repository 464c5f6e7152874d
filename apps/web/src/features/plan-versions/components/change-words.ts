import {
  attainmentScaleKeys,
  type AttainmentLevel,
  type DiffValue,
  type Language,
  type PlanVersionComparison,
} from '@yhdessa/shared';
import type { TFunction } from 'i18next';
import { formatDate, localizeText } from '../../../lib/locale';

/** One change in words; a long text that changed comes with what it said before and after, to read side by side. */
export interface WordedChange {
  key: string;
  sentence: string;
  texts?: { before: string; after: string };
}

type Kind = 'goal' | 'serviceRole' | 'action' | 'story';

/** Fields whose values are days, statuses or levels, each written in the reader's language; the rest are the plan's own words. */
const dayFields = new Set(['targetOn', 'endedOn', 'startsOn', 'endsOn', 'dueOn']);
/** Fields of running text: said to have changed, with the texts shown apart rather than inside the sentence. */
const textFields = new Set(['description', 'attainmentLevels', 'background', 'situation', 'strengths']);

function valueInWords(kind: Kind, field: string, value: DiffValue, t: TFunction, language: Language): string {
  if (value === null || value === '') return t('versionsAndPrint.change.empty');
  if (typeof value === 'object') return localizeText(value, language);
  if (dayFields.has(field)) return formatDate(String(value), language);
  if (field === 'status') return t(`versionsAndPrint.status.${kind}.${value}`);
  if (field === 'attainedLevel') return t(`attainment.level.${attainmentScaleKeys[value as AttainmentLevel]}`);
  return String(value);
}

function fieldSentences(
  kind: Kind,
  fields: { field: string; before: DiffValue; after: DiffValue }[],
  t: TFunction,
  language: Language,
): { what: string; texts?: WordedChange['texts'] }[] {
  return fields.map(({ field, before, after }) => {
    const name = t(`versionsAndPrint.field.${kind}.${field}`);
    const [was, now] = [valueInWords(kind, field, before, t, language), valueInWords(kind, field, after, t, language)];
    if (textFields.has(field))
      return { what: t('versionsAndPrint.change.textChanged', { field: name }), texts: { before: was, after: now } };
    return { what: t('versionsAndPrint.change.fieldChanged', { field: name, before: was, after: now }) };
  });
}

interface EntityChanges<Title> {
  added: { id: string; title: Title }[];
  removed: { id: string; title: Title }[];
  changed: { id: string; title: Title; fields: { field: string; before: DiffValue; after: DiffValue }[] }[];
}

function wordEntities<Title>(
  kind: Exclude<Kind, 'story'>,
  entities: EntityChanges<Title>,
  titleOf: (title: Title) => string,
  t: TFunction,
  language: Language,
): WordedChange[] {
  return [
    ...entities.added.map((added) => ({
      key: `${kind}-a-${added.id}`,
      sentence: t(`versionsAndPrint.change.${kind}.added`, { title: titleOf(added.title) }),
    })),
    ...entities.removed.map((removed) => ({
      key: `${kind}-r-${removed.id}`,
      sentence: t(`versionsAndPrint.change.${kind}.removed`, { title: titleOf(removed.title) }),
    })),
    ...entities.changed.flatMap((changed) =>
      fieldSentences(kind, changed.fields, t, language).map(({ what, texts }, index) => ({
        key: `${kind}-c-${changed.id}-${index}`,
        sentence: t(`versionsAndPrint.change.${kind}.changed`, { title: titleOf(changed.title), what }),
        texts,
      })),
    ),
  ];
}

/** The differences between two versions, sentence by sentence in the reader's language: no field names from the code. */
export function wordComparison(comparison: PlanVersionComparison, t: TFunction, language: Language): WordedChange[] {
  const asIs = (title: string) => title;
  const changes: WordedChange[] = [
    ...wordEntities('goal', comparison.goals, asIs, t, language),
    ...wordEntities('serviceRole', comparison.serviceRoles, (title) => localizeText(title, language), t, language),
    ...wordEntities('action', comparison.actions, asIs, t, language),
  ];
  fieldSentences('story', comparison.story ?? [], t, language).forEach(({ what, texts }, index) =>
    changes.push({ key: `story-${index}`, sentence: t('versionsAndPrint.change.story', { what }), texts }),
  );
  const assessment = comparison.assessment;
  if (assessment?.assessedOn)
    changes.push({
      key: 'assessment-day',
      sentence: t('versionsAndPrint.change.assessedOn', {
        before: assessment.assessedOn.before
          ? formatDate(assessment.assessedOn.before, language)
          : t('versionsAndPrint.change.empty'),
        after: assessment.assessedOn.after
          ? formatDate(assessment.assessedOn.after, language)
          : t('versionsAndPrint.change.empty'),
      }),
    });
  const rating = (rated: { rating: number } | null) =>
    rated
      ? t('assessment.ratingValue', { rating: rated.rating, label: t(`assessment.rating.${rated.rating}`) })
      : t('versionsAndPrint.change.notRated');
  for (const { domain, before, after } of assessment?.ratings ?? []) {
    const area = t(`assessment.domain.${domain}`);
    if (before?.rating !== after?.rating)
      changes.push({
        key: `assessment-${domain}`,
        sentence: t('versionsAndPrint.change.rating', { domain: area, before: rating(before), after: rating(after) }),
      });
    if ((before?.notes ?? '') !== (after?.notes ?? ''))
      changes.push({
        key: `assessment-${domain}-notes`,
        sentence: t('versionsAndPrint.change.ratingNotes', { domain: area }),
        texts: {
          before: before?.notes || t('versionsAndPrint.change.empty'),
          after: after?.notes || t('versionsAndPrint.change.empty'),
        },
      });
  }
  return changes;
}
