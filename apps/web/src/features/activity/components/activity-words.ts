import type { ActivityActor, ActivityEntry, Language } from '@yhdessa/shared';
import type { TFunction } from 'i18next';
import { addDays, finnishToday, formatDate, formatDateTimeParts, localizeText } from '../../../lib/locale';

/** Who, in the sentence: their name; "a worker" when the reader may not know who; the system when nobody. */
function actorName(actor: ActivityActor | null, t: TFunction): string {
  if (!actor) return t('activity.system');
  return actor.name ?? t('activity.someWorker');
}

/** The words that name the item: its title, its service or its day, whichever it has. */
function itemName(entry: ActivityEntry, language: Language): string | null {
  const { title, service, day } = entry.item;
  return title ?? (service ? localizeText(service, language) : null) ?? (day ? formatDate(day, language) : null);
}

/**
 * The wordings of a change, the most telling first: a consent given or taken back, or the status
 * set; then naming the item; then the bare kind of change. The family's own words come first at
 * each step, where it has them.
 */
function wordingKeys(entry: ActivityEntry, language: Language, forFamily: boolean): string[] {
  const roots = forFamily
    ? [`activity.familyChange.${entry.type}`, `activity.change.${entry.type}`]
    : [`activity.change.${entry.type}`];
  const suffixes = [
    ...(entry.consent ? [entry.consent.granted ? '_granted' : '_withdrawn'] : []),
    ...(entry.status ? [`_${entry.status}`] : []),
    ...(itemName(entry, language) === null ? [] : ['_named']),
    '',
  ];
  return suffixes.flatMap((suffix) => roots.map((root) => `${root}${suffix}`));
}

/**
 * One line as a sentence: "Hanna Kivelä merkitsi tehtävän ”Koulupalaveri” tehdyksi", or, for
 * several changes in a row, "Hanna Kivelä muokkasi kohtaa ”Koulupalaveri” 3 kertaa". The family
 * reads some of them in its own words (a review is their "meeting").
 */
export function describeChange(entry: ActivityEntry, t: TFunction, language: Language, forFamily: boolean): string {
  const actor = actorName(entry.actor, t);
  const item = itemName(entry, language);
  if (entry.count > 1)
    return item === null
      ? t('activity.changes', { actor, count: entry.count })
      : t('activity.changedTimes', { actor, item, count: entry.count });
  return t(wordingKeys(entry, language, forFamily), {
    actor,
    item: entry.item.title ?? '',
    service: entry.item.service ? localizeText(entry.item.service, language) : '',
    day: entry.item.day ? formatDate(entry.item.day, language) : '',
    version: entry.version,
    part: entry.consent ? t(`activity.part.${entry.consent.part}`) : '',
  });
}

/** Who they are to the family: a worker's service, the coordinator (the family's contact person), a member's place in the family. */
export function describeActorRole(
  actor: ActivityActor | null,
  t: TFunction,
  language: Language,
  forFamily: boolean,
): string | null {
  if (!actor) return null;
  switch (actor.role) {
    case 'worker':
      return actor.service ? localizeText(actor.service, language) : t('activity.worker');
    case 'coordinator':
      return forFamily ? t('activity.yourContact') : t('roles.coordinator');
    case 'family':
      return actor.relation ? t(`memberRelation.${actor.relation}`) : t('roles.family');
    default:
      return t(`roles.${actor.role}`);
  }
}

/** When: "klo 10.15", or "klo 10.05–10.15" for several changes. */
export function describeTime(entry: ActivityEntry, t: TFunction, language: Language): string {
  const last = formatDateTimeParts(entry.lastAt, language).time;
  const first = formatDateTimeParts(entry.firstAt, language).time;
  return first === last ? t('activity.at', { time: last }) : t('activity.between', { from: first, to: last });
}

/** The day (in Finnish time) a line falls on, `YYYY-MM-DD`. */
export const dayOf = (entry: ActivityEntry): string => finnishToday(new Date(entry.lastAt));

/** A day's heading: "Tänään", "Eilen", or its date. */
export function describeDay(day: string, t: TFunction, language: Language, today = finnishToday()): string {
  if (day === today) return t('activity.today');
  if (day === addDays(today, -1)) return t('activity.yesterday');
  return formatDate(day, language);
}
