import type { AccessLogEvent, AccessLogGroup, AccessLogThing } from '@yhdessa/shared';
import type { TFunction } from 'i18next';

/** Resource names as the server writes them, including route tags on refusals, mapped to the ones we word. */
const knownResources = [
  'plan',
  'plan-version',
  'family',
  'family-summary',
  'family-member',
  'story',
  'story-comment',
  'story-history',
  'assessment',
  'goal',
  'goal-progress',
  'action',
  'goal-comment',
  'action-comment',
  'service-role',
  'note',
  'review',
  'agenda-item',
  'consent',
  'access-log',
  'handover',
  'invitation',
  'measurement',
  'feedback',
] as const;
const resourceAliases: Record<string, (typeof knownResources)[number]> = {
  plans: 'plan',
  'plan-versions': 'plan-version',
  families: 'family',
  stories: 'story',
  assessments: 'assessment',
  goals: 'goal',
  actions: 'action',
  'service-roles': 'service-role',
  notes: 'note',
  reviews: 'review',
  consents: 'consent',
  audit: 'access-log',
  invitations: 'invitation',
  measurements: 'measurement',
};

function resourceKey(resource: string): string {
  if ((knownResources as readonly string[]).includes(resource)) return resource;
  return resourceAliases[resource] ?? 'other';
}

/** The object of the sentence: partitive after "katsoi" and "muutti", accusative after "lisäsi" and "poisti". */
const objectCase: Record<AccessLogEvent['action'], 'part' | 'acc'> = {
  read: 'part',
  update: 'part',
  create: 'acc',
  delete: 'acc',
  export: 'acc',
  join: 'acc',
  'sign-in': 'acc',
  'sign-out': 'acc',
};

/** "Mikko Salo (työntekijä, Demo-hyvinvointialue)" */
export function describeActor(actor: AccessLogGroup['actor'], t: TFunction): string {
  if (!actor) return t('accessLog.system');
  const role = t(`accessLog.role.${actor.role}`);
  return actor.organisation
    ? t('accessLog.whoWithOrganisation', { name: actor.name, role, organisation: actor.organisation })
    : t('accessLog.who', { name: actor.name, role });
}

type Deed = Pick<AccessLogEvent, 'action' | 'resource' | 'outcome'>;

const objectOf = (deed: Deed, t: TFunction) => t(`accessLog.resource.${resourceKey(deed.resource)}.${objectCase[deed.action]}`);
const verbWith = (deed: Deed, object: string, t: TFunction) =>
  t(`accessLog.${deed.outcome === 'denied' ? 'tried' : 'did'}.${deed.action}`, { object });

/** "katsoi suunnitelmaa" */
export function describeDeed(deed: Deed, t: TFunction): string {
  return verbWith(deed, objectOf(deed, t), t);
}

/**
 * "yritti katsoa kirjausta kerran, katsoi suunnitelmaa 3 kertaa, tavoitetta kerran": one verb per
 * action and outcome, in the order the server gives (refusals first).
 */
export function describeThings(things: AccessLogThing[], t: TFunction): string {
  // Counts per verb, then per object as worded: two resources the family knows by one name are one.
  const byVerb = new Map<string, { deed: Deed; counts: Map<string, number> }>();
  for (const thing of things) {
    const key = `${thing.outcome}|${thing.action}`;
    const verb = byVerb.get(key) ?? { deed: thing, counts: new Map<string, number>() };
    const object = objectOf(thing, t);
    verb.counts.set(object, (verb.counts.get(object) ?? 0) + thing.count);
    byVerb.set(key, verb);
  }
  return [...byVerb.values()]
    .map(({ deed, counts }) =>
      verbWith(deed, [...counts].map(([object, count]) => `${object} ${t('accessLogGroups.times', { count })}`).join(', '), t),
    )
    .join(', ');
}
