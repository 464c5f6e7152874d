/**
 * What the generated municipality is made of (see generate-municipality.ts), as SQL: each step's
 * statements, set-based over `generate_series`. Every id and every draw is an md5 of the seed and
 * the row's keys, so a row's facts are worked out again in any statement that needs them.
 */
import { CURRENT_HASH_VERSION, GENESIS_HASH } from '../../audit/audit-hash';
import { municipalityDate } from '../../core/clock';
import { FIRST_PRICE_VALID_FROM } from '../../features/services';
import { FAMILIES_PER_COORDINATOR, SERVICE_KINDS, WORKERS_PER_SERVICE, type ScaleShape } from './scale-ids';

/** The kinds of service every family has one of, in slot order: Finnish and English names, unit, price, monthly units. */
const kinds = [
  { fi: 'Lastenneuvola', en: 'Child health clinic', category: 'health', unit: 'visit', cents: 9_500, units: [1, 2], org: 2 },
  {
    fi: 'Varhaiskasvatus',
    en: 'Early childhood education',
    category: 'education',
    unit: 'day',
    cents: 6_200,
    units: [12, 20],
    org: 1,
  },
  {
    fi: 'Koulun kuraattoripalvelut',
    en: 'School social worker',
    category: 'education',
    unit: 'meeting',
    cents: 7_000,
    units: [1, 4],
    org: 1,
  },
  {
    fi: 'Lapsiperheiden sosiaalityö',
    en: 'Social work for families',
    category: 'social',
    unit: 'hour',
    cents: 7_500,
    units: [2, 8],
    org: 2,
  },
  {
    fi: 'Lastensuojelun perhetyö',
    en: 'Child protection family work',
    category: 'child-protection',
    unit: 'visit',
    cents: 11_000,
    units: [3, 10],
    org: 2,
  },
  { fi: 'Rinnallakulkija', en: 'Walk-alongside worker', category: 'ngo', unit: 'hour', cents: 5_500, units: [4, 12], org: 3 },
] as const;
/** Slots whose use is recorded monthly (the others' usage is left out to keep the volume down). */
const USAGE_SLOTS = [3, 4];
const USAGE_MONTHS = 6;
const GOALS = 3;
const ACTIONS = 8;
const NOTES = 4;
const PLAN_READS = 2;
const DOMAINS = ['daily-life', 'parenting', 'child-development-and-school', 'mental-health-and-substances', 'housing'];
const surnames = (
  'Aaltonen Berg Eskola Hakala Heino Hirvonen Ikonen Jokela Kallio Karppinen Kauppinen Koivisto Kokko Kurki Laakso Lahti ' +
  'Lindqvist Mattila Miettinen Niemi Nurmi Oksanen Palo Peltola Rantala Rautio Saarinen Salo Sundström Tuominen Turunen ' +
  'Vainio Virtanen Väisänen Wikström Ylönen Åberg Ojala Manninen Honkanen'
).split(' ');
const goalTitles = ['Aamut sujuvat', 'Koulunkäynti on säännöllistä', 'Vanhemmat jaksavat arjessa'];
const actionTitles = [
  'Kotikäynti',
  'Tapaaminen',
  'Verkostopalaveri',
  'Arviointikäynti',
  'Ohjaus',
  'Puhelu',
  'Harrastus',
  'Kirjasto',
];

const sqlList = (values: readonly string[]) => `array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')}]`;

export interface MunicipalityStep {
  step: string;
  /** Run in order, one per call (PGlite takes one statement at a time). */
  statements: string[];
}

export function municipalitySteps(options: { seed: number; now: Date; shape: ScaleShape; passwordHash?: string | null }) {
  const { seed, now, shape, passwordHash } = options;
  const { families: F, coordinators: C, unitsPerKind: U } = shape;
  const anchor = `'${now.toISOString()}'::timestamptz`;
  const today = `'${municipalityDate(now)}'::date`;

  /** A draw in [0, 1) from the seed, a salt and the row's keys: the same in every statement that asks. */
  const r = (salt: string, ...keys: string[]) =>
    `(('x' || substr(md5('${seed}:${salt}:' || ${keys.map((key) => `(${key})::text`).join(` || ':' || `)}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  const pick = (n: number | string, salt: string, ...keys: string[]) => `(floor(${r(salt, ...keys)} * ${n})::int)`;
  /** A version 4 uuid (as the API's id schema wants) from the md5: the version and variant digits set, as `scaleId` does. */
  const uid = (kind: string, ...keys: string[]) =>
    `overlay(overlay(md5('${seed}:${kind}' || ${keys.map((key) => `':' || (${key})::text`).join(' || ')}) placing '4' from 13) placing '8' from 17)::uuid`;
  const seconds = (expression: string) => `(interval '1 second' * floor(${expression}))`;

  // Facts of a family (f), its slots (j), drawn the same way wherever they are needed.
  const familyStatus = (f: string) =>
    `(case when ${r('status', f)} < 0.08 then 'new' when ${r('status', f)} < 0.78 then 'active' when ${r('status', f)} < 0.9 then 'in_review' else 'closed' end)`;
  const closed = (f: string) => `(${r('status', f)} >= 0.9)`;
  const familyCreated = (f: string) => `(${anchor} - interval '1 day' * (30 + ${pick(1065, 'created', f)}))`;
  const coordinatorNo = (f: string) => `(1 + ((${f}) - 1) / ${FAMILIES_PER_COORDINATOR})`;
  const coordinatorOf = (f: string) => uid('coordinator', coordinatorNo(f));
  const hasLogin = (f: string) => `(${r('login', f)} < 0.6)`;
  const pendingInvite = (f: string) => `(not ${closed(f)} and ${r('pending', f)} < 0.04)`;
  const hasSecondGuardian = (f: string) => `(${r('guardian2', f)} < 0.55 or ${pendingInvite(f)})`;
  const children = (f: string) => `(1 + ${pick(3, 'children', f)})`;
  const unitOf = (f: string, j: string) => `(1 + ${pick(U, 'unit', f, j)})`;
  const workerOf = (f: string, j: string) => uid('worker', j, unitOf(f, j), `1 + (${f}) % ${WORKERS_PER_SERVICE}`);
  const roleStatus = (f: string, j: string) =>
    `(case when ${closed(f)} then 'ended' when (${j}) = 5 and ${r('role', f, j)} < 0.12 then 'invited'
      when (${j}) = 5 and ${r('role', f, j)} < 0.18 then 'declined' when (${j}) < 5 and ${r('role', f, j)} < 0.04 then 'ended'
      else 'accepted' end)`;
  const guardianAccount = (f: string) => uid('guardian', f);
  const iso = (timestamp: string) => `to_char((${timestamp}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

  const orgOfKind = (j: string) => uid('organisation', `(${sqlList(kinds.map((kind) => String(kind.org)))})[${j} + 1]`);
  const steps: MunicipalityStep[] = [];
  const step = (name: string, ...statements: string[]) => steps.push({ step: name, statements });

  // Each family's and each service role's drawn facts, once: every later step joins them.
  step(
    'draws',
    `create temp table scale_f on commit drop as
    select f, ${uid('family', 'f')} as family_id, ${familyCreated('f')} as created, ${familyStatus('f')} as status, ${closed('f')} as closed,
      ${coordinatorOf('f')} as coordinator_id, ${hasLogin('f')} as has_login, ${pendingInvite('f')} as pending,
      ${hasSecondGuardian('f')} as second_guardian, ${children('f')} as children,
      case when ${hasLogin('f')} then ${guardianAccount('f')} else ${coordinatorOf('f')} end as decider_id,
      ${r('recent', 'f')} < 0.25 as recent
    from generate_series(1, ${F}) f`,
    `create temp table scale_r on commit drop as
    select x.f, j, ${uid('role', 'x.f', 'j')} as role_id, ${uid('service', 'j', unitOf('x.f', 'j'))} as service_id, s.st as status,
      s.st in ('accepted', 'ended') as works, ${workerOf('x.f', 'j')} as worker_id,
      case when s.st = 'invited' then ${anchor} - ${seconds(`${r('invited', 'x.f')} * 86400 * 8`)}
        else x.created + interval '1 day' + interval '1 hour' * j end as invited_at
    from scale_f x, generate_series(0, ${SERVICE_KINDS - 1}) j, lateral (select ${roleStatus('x.f', 'j')} as st) s`,
    `create index on scale_r (f, j)`,
    `analyze scale_f`,
    `analyze scale_r`,
  );

  step(
    'organisations',
    `insert into organisations (id, name, created_at) values
      (${uid('organisation', '1')}, 'Skaalakunta', ${anchor} - interval '4 years'),
      (${uid('organisation', '2')}, 'Skaalan hyvinvointialue', ${anchor} - interval '4 years'),
      (${uid('organisation', '3')}, 'Tukiyhdistys Skaala ry', ${anchor} - interval '4 years')`,
  );

  const password = passwordHash ? `'${passwordHash.replace(/'/g, "''")}'` : 'null';
  step(
    'accounts',
    `insert into accounts (id, email, name, role, organisation_id, password_hash, created_at)
    select ${uid('manager', 'i')}, 'manager.' || i || '@skaala.invalid', 'Johtaja ' || i, 'manager'::role, ${uid('organisation', '1')},
        ${password}, ${anchor} - interval '3 years'
      from generate_series(1, 2) i
    union all
    select ${uid('admin', '1')}, 'admin@skaala.invalid', 'Pääkäyttäjä', 'admin'::role, ${uid('organisation', '1')}, ${password},
        ${anchor} - interval '4 years'
    union all
    select ${uid('coordinator', 'c')}, 'coordinator.' || c || '@skaala.invalid', 'Koordinaattori ' || c, 'coordinator'::role,
        ${uid('organisation', '1')}, ${password}, ${anchor} - interval '3 years'
      from generate_series(1, ${C}) c
    union all
    select ${uid('worker', 'j', 'k', 'w')}, 'worker.' || j || '.' || k || '.' || w || '@skaala.invalid',
        'Työntekijä ' || j || '-' || k || '-' || w, 'worker'::role, ${orgOfKind('j')}, ${password}, ${anchor} - interval '3 years'
      from generate_series(0, ${SERVICE_KINDS - 1}) j, generate_series(1, ${U}) k, generate_series(1, ${WORKERS_PER_SERVICE}) w
    union all
    select ${guardianAccount('f')}, 'guardian.' || f || '@skaala.invalid', 'Huoltaja 1 ' || f, 'family'::role, null, ${password},
        created + interval '1 day'
      from scale_f where has_login
    union all
    select ${uid('invitee', 'f')}, 'invitee.' || f || '@skaala.invalid', 'Huoltaja 2 ' || f, 'family'::role, null, null,
        ${anchor} - interval '1 day'
      from scale_f where pending`,
  );

  step(
    'services',
    `insert into services (id, organisation_id, name, category, unit, description, contact, created_at)
    select ${uid('service', 'j', 'k')}, ${orgOfKind('j')},
      jsonb_build_object('fi', (${sqlList(kinds.map((kind) => kind.fi))})[j + 1] || ' ' || k,
        'en', (${sqlList(kinds.map((kind) => kind.en))})[j + 1] || ' ' || k),
      (${sqlList(kinds.map((kind) => kind.category))})[j + 1], (${sqlList(kinds.map((kind) => kind.unit))})[j + 1],
      '', 'palvelu.' || j || '.' || k || '@skaala.invalid', ${anchor} - interval '4 years'
    from generate_series(0, ${SERVICE_KINDS - 1}) j, generate_series(1, ${U}) k`,
    `insert into service_prices (id, service_id, valid_from, unit_cost_cents, created_at)
    select ${uid('price', 'j', 'k', 'p')}, ${uid('service', 'j', 'k')},
      case when p = 1 then '${FIRST_PRICE_VALID_FROM}'::date else date_trunc('year', ${today})::date end,
      round((array[${kinds.map((kind) => kind.cents).join(', ')}])[j + 1] * case when p = 1 then 1 else 1.04 end),
      ${anchor} - interval '4 years'
    from generate_series(0, ${SERVICE_KINDS - 1}) j, generate_series(1, ${U}) k, generate_series(1, 2) p`,
    `insert into service_memberships (account_id, service_id)
    select ${uid('worker', 'j', 'k', 'w')}, ${uid('service', 'j', 'k')}
    from generate_series(0, ${SERVICE_KINDS - 1}) j, generate_series(1, ${U}) k, generate_series(1, ${WORKERS_PER_SERVICE}) w`,
  );

  step(
    'families',
    `insert into families (id, name, status, coordinator_id, version, created_at, updated_at)
    select family_id, 'Perhe ' || (${sqlList(surnames)})[1 + ${pick(surnames.length, 'surname', 'f')}], status::family_status,
      coordinator_id, 1, created, greatest(created, ${anchor} - ${seconds(`${r('updated', 'f')} * 86400 * 20`)})
    from scale_f`,
    `insert into plans (family_id, version, updated_at) select family_id, 1, greatest(created, ${anchor} - interval '1 day') from scale_f`,
    `insert into stories (family_id, background, situation, strengths, updated_by, version, updated_at)
    select family_id, 'Perhe muutti kuntaan ' || (2010 + f % 14) || '. Vanhemmat ovat pyytäneet tukea arkeen.',
      'Lapset käyvät koulua ja päiväkotia; aamut ja iltarutiinit ovat raskaita.', 'Perhe pitää yhtä ja isovanhemmat auttavat.',
      coordinator_id, 1, created + interval '2 days'
    from scale_f`,
    `insert into family_members (id, family_id, name, relation, birth_year, account_id, created_at)
    select ${uid('member', 'f', 's')}, family_id,
      case when s <= 2 then 'Huoltaja ' || s || ' ' || f else 'Lapsi ' || (s - 2) || ' ' || f end,
      (case when s <= 2 then 'guardian' else 'child' end)::member_relation,
      case when s <= 2 then 1975 + ${pick(20, 'born', 'f', 's')} else 2008 + ${pick(17, 'born', 'f', 's')} end,
      case when s = 1 and has_login then ${guardianAccount('f')} when s = 2 and pending then ${uid('invitee', 'f')} end,
      created + interval '1 minute' * s
    from scale_f, generate_series(1, 5) s
    where s = 1 or (s = 2 and second_guardian) or (s >= 3 and s - 2 <= children)`,
  );

  step(
    'service roles',
    `insert into service_roles (id, family_id, service_id, status, description, responsible_account_id, starts_on, ends_on,
      invited_by, invited_at, invitation_message, responded_at, responded_by, version, created_at, updated_at)
    select role_id, family_id, service_id, r.status::service_role_status, 'Palvelun osuus perheen suunnitelmassa',
      case when works then worker_id end, (created + interval '1 day')::date, case when r.status = 'ended' then ${today} - 1 end,
      coordinator_id, invited_at, case when r.status = 'invited' then 'Toivomme palveluanne perheen tueksi.' end,
      case when r.status <> 'invited' then invited_at + interval '1 day' end, case when r.status <> 'invited' then worker_id end,
      1, invited_at, invited_at
    from scale_r r join scale_f using (f)`,
    `insert into consent_decisions (id, family_id, service_id, part, granted, decided_by, decided_at)
    select ${uid('consent', 'f', 'j', 'p')}, family_id, service_id, (array['goals', 'notes'])[p]::plan_part, true, decider_id,
      created + interval '3 days'
    from scale_r r join scale_f using (f), generate_series(1, 2) p
    where works`,
  );

  step(
    'goals and actions',
    `insert into goals (id, family_id, title, owner_name, indicator, baseline, target, target_on, status, ended_on, version, created_at, updated_at)
    select ${uid('goal', 'f', 'g')}, family_id, (${sqlList(goalTitles)})[g], 'Koko perhe', 'Perheen oma arvio 1-10', '4', '8',
      (created + interval '1 year')::date, ending::goal_status, case when ending <> 'open' then (created + interval '200 days')::date end,
      1, created + interval '2 hours' * g, created + interval '2 hours' * g
    from scale_f, generate_series(1, ${GOALS}) g,
      lateral (select case when g = 1 and created < ${anchor} - interval '200 days' and ${r('ending', 'f')} < 0.5
        then (array['reached', 'partly_reached', 'not_reached'])[1 + ${pick(3, 'how', 'f')}] else 'open' end as ending) e`,
    `insert into goal_progress (id, family_id, goal_id, recorded_on, value, note, recorded_by, created_at)
    select ${uid('progress', 'f', 'g', 'p')}, family_id, ${uid('goal', 'f', 'g')}, (created + interval '20 days' * p)::date,
      (3 + p + ${pick(3, 'progress', 'f', 'g', 'p')})::text, 'Arvioitu yhdessä perheen kanssa', coordinator_id, created + interval '20 days' * p
    from scale_f, generate_series(1, ${GOALS}) g, generate_series(1, 2) p`,
    `insert into actions (id, family_id, service_role_id, goal_id, title, owner_name, due_on, status, version, updated_by, created_at, updated_at)
    select ${uid('action', 'x.f', 'a')}, family_id, case when r.works then r.role_id end, ${uid('goal', 'x.f', `1 + a % ${GOALS}`)},
      (${sqlList(actionTitles)})[a], case when a > ${SERVICE_KINDS} then 'Huoltaja' else '' end, ${today} + (${pick(120, 'due', 'x.f', 'a')} - 40),
      (case when ${r('done', 'x.f', 'a')} < 0.45 then 'done' when ${r('done', 'x.f', 'a')} < 0.65 then 'in_progress' else 'planned' end)::action_status,
      1, coordinator_id, created + interval '2 days' + interval '1 hour' * a, created + interval '2 days' + interval '1 hour' * a
    from scale_f x cross join generate_series(1, ${ACTIONS}) a left join scale_r r on r.f = x.f and r.j = a - 1`,
  );

  // Every change so far in each family, in order: its event, its audit row, and the notes' times.
  step(
    'changes',
    `create temp table scale_changes on commit drop as
    select x.f, family_id, 1 as n, 'family.created' as type, family_id as entity_id, created as occurred_at, coordinator_id as actor_id,
      'coordinator' as actor_role, ${uid('organisation', '1')} as organisation_id, null::uuid as service_role_id,
      null::note_visibility as note_visibility, 'family' as resource, 'coordinator' as basis
    from scale_f x
    union all
    select f, family_id, 1 + g, 'goal.created', ${uid('goal', 'f', 'g')}, created + interval '2 hours' * g, coordinator_id, 'coordinator',
      ${uid('organisation', '1')}, null, null, 'goal', 'coordinator'
    from scale_f, generate_series(1, ${GOALS}) g
    union all
    select f, family_id, ${2 + GOALS} + j, 'serviceRole.invited', role_id, invited_at, coordinator_id, 'coordinator', ${uid('organisation', '1')},
      role_id, null, 'service-role', 'coordinator'
    from scale_r r join scale_f using (f)
    union all
    select x.f, family_id, ${1 + GOALS + SERVICE_KINDS} + a, 'action.created', ${uid('action', 'x.f', 'a')},
      created + interval '2 days' + interval '1 hour' * a, coordinator_id, 'coordinator', ${uid('organisation', '1')},
      case when r.works then r.role_id end, null, 'action', 'coordinator'
    from scale_f x cross join generate_series(1, ${ACTIONS}) a left join scale_r r on r.f = x.f and r.j = a - 1
    union all
    select x.f, family_id, ${1 + GOALS + SERVICE_KINDS + ACTIONS} + k, 'note.created', ${uid('note', 'x.f', 'k')},
      case when k >= 3 and recent then ${anchor} - ${seconds(`${r('recent', 'x.f', 'k')} * 3600 * 20`)} - interval '10 minutes' * (${NOTES} - k)
        else created + interval '3 days' + date_trunc('second', (${anchor} - interval '2 days' - created) * k / ${NOTES + 1}) end,
      case when own then coordinator_id else r.worker_id end, case when own then 'coordinator' else 'worker' end,
      case when own then ${uid('organisation', '1')} else ${orgOfKind('k - 1')} end, case when not own then r.role_id end,
      (case when k % 2 = 0 then 'family' else 'professionals' end)::note_visibility, 'note',
      case when own then 'coordinator' else 'service-role' end
    from scale_f x cross join generate_series(1, ${NOTES}) k join scale_r r on r.f = x.f and r.j = k - 1,
      lateral (select not r.works or x.closed as own) o`,
    `analyze scale_changes`,
    `insert into notes (id, family_id, service_role_id, author_id, body, visibility, version, created_at, updated_at)
    select entity_id, family_id, service_role_id, actor_id,
      'Kirjaus ' || (n - ${1 + GOALS + SERVICE_KINDS + ACTIONS}) || E': tapasimme perheen.\\nArki sujuu aiempaa paremmin.',
      note_visibility, 1, occurred_at, occurred_at
    from scale_changes where type = 'note.created'`,
    `insert into family_events (family_id, family_seq, type, entity_id, version, actor_id, service_role_id, note_visibility, occurred_at)
    select family_id, row_number() over (partition by f order by occurred_at, n), type, entity_id, 1, actor_id, service_role_id,
      note_visibility, occurred_at
    from scale_changes order by occurred_at, f, n`,
    `insert into family_event_sequences (family_id, last_seq)
    select family_id, count(*) from scale_changes group by family_id`,
  );

  step(
    'reviews and feedback',
    `insert into reviews (id, family_id, scheduled_on, status, participants, minutes, decisions, completed_at, completed_by, version, created_at, updated_at)
    select ${uid('review', 'f', '1')}, family_id, (created + interval '180 days')::date, 'completed'::review_status,
      '["Koordinaattori", "Huoltaja"]'::jsonb, 'Käytiin läpi tavoitteet ja palvelut.', 'Jatketaan suunnitelman mukaan.',
      created + interval '180 days', coordinator_id, 2, created + interval '150 days', created + interval '180 days'
    from scale_f where created < ${anchor} - interval '200 days'
    union all
    select ${uid('review', 'f', '2')}, family_id, ${today} + (${pick(75, 'review', 'f')} - 10), 'scheduled'::review_status, '[]'::jsonb, '', '',
      null, null, 1, ${anchor} - interval '20 days', ${anchor} - interval '20 days'
    from scale_f where not closed`,
    `insert into feedback_requests (id, family_id, occasion, review_id, opened_at, answered_at, answered_by,
      worked_together, no_retelling, would_recommend, words, coordinator_may_see, version, updated_at)
    select ${uid('feedback', 'f')}, family_id, 'review', ${uid('review', 'f', '1')}, opened,
      case when answered then opened + interval '3 days' end, case when answered then ${guardianAccount('f')} end,
      case when answered then 4 + ${pick(7, 'worked', 'f')} end, case when answered then 3 + ${pick(8, 'retell', 'f')} end,
      case when answered then 5 + ${pick(6, 'recommend', 'f')} end, '', answered and ${r('maysee', 'f')} < 0.5, 1, opened
    from scale_f, lateral (select created + interval '180 days' as opened, has_login and ${r('answered', 'f')} < 0.6 as answered) a
    where created < ${anchor} - interval '200 days'`,
  );
  step(
    'measurements',
    `create temp table scale_m on commit drop as
    select f, family_id, m, ${uid('measurement', 'f', 'm')} as measurement_id, (created + interval '7 days' + interval '190 days' * (m - 1))::date as taken_on
    from scale_f, generate_series(1, 2) m
    where has_login and created + interval '7 days' + interval '190 days' * (m - 1) < ${anchor}`,
    `insert into measurements (id, family_id, taken_on, occasion, respondent_version, member_id, recorded_by, comment, version, created_at)
    select measurement_id, family_id, taken_on, (case when m = 1 then 'start' else 'review' end)::measurement_occasion, 'adult',
      ${uid('member', 'f', '1')}, ${guardianAccount('f')}, '', 1, taken_on + interval '12 hours'
    from scale_m`,
    `insert into measurement_scores (measurement_id, family_id, domain, score)
    select measurement_id, family_id, (${sqlList(DOMAINS)})[d]::assessment_domain,
      least(5, 1 + ${pick(4, 'score', 'f', 'd')} + (m - 1) * ${pick(2, 'better', 'f', 'd')})
    from scale_m, generate_series(1, ${DOMAINS.length}) d`,
  );
  step(
    'service usage',
    `insert into service_usage (id, family_id, service_role_id, service_id, used_on, period, units, note, source, recorded_by, version, created_at, updated_at)
    select ${uid('usage', 'f', 'j', 'm')}, family_id, role_id, service_id, used_on, 'month',
      (array[${kinds.map((kind) => kind.units[0]).join(', ')}])[j + 1]
        + ${pick(`(array[${kinds.map((kind) => kind.units[1] - kind.units[0] + 1).join(', ')}])[j + 1]`, 'units', 'f', 'j', 'm')},
      '', 'form', worker_id, 1, used_on + interval '1 month', used_on + interval '1 month'
    from scale_r r join scale_f using (f), generate_series(1, ${USAGE_MONTHS}) m,
      lateral (select (date_trunc('month', ${today}) - interval '1 month' * m)::date as used_on) month
    where works and j in (${USAGE_SLOTS.join(', ')}) and used_on >= date_trunc('month', created)`,
  );
  step(
    'invitations',
    `insert into invitations (id, token_hash, kind, account_id, family_id, service_id, member_id, invited_by, expires_at, used_at, created_at)
    select ${uid('invitation', 'f', '1')}, md5('${seed}:token:' || f) || md5('${seed}:token2:' || f), 'family-member'::invitation_kind,
      ${guardianAccount('f')}, family_id, null::uuid, ${uid('member', 'f', '1')}, coordinator_id, created + interval '3 days',
      created + interval '1 day', created
    from scale_f where has_login
    union all
    select ${uid('invitation', 'f', '2')}, md5('${seed}:pending:' || f) || md5('${seed}:pending2:' || f), 'family-member'::invitation_kind,
      ${uid('invitee', 'f')}, family_id, null, ${uid('member', 'f', '2')}, coordinator_id, ${anchor} + interval '2 days', null,
      ${anchor} - interval '1 day'
    from scale_f where pending
    union all
    select ${uid('invitation', 'j', 'k', 'w')}, md5('${seed}:worker-token:' || j || ':' || k || ':' || w) || md5('${seed}:w:' || j || ':' || k || ':' || w),
      'worker'::invitation_kind, ${uid('worker', 'j', 'k', 'w')}, null, ${uid('service', 'j', 'k')}, null, ${uid('admin', '1')},
      ${anchor} - interval '3 years' + interval '3 days', ${anchor} - interval '3 years' + interval '1 day', ${anchor} - interval '3 years'
    from generate_series(0, ${SERVICE_KINDS - 1}) j, generate_series(1, ${U}) k, generate_series(1, ${WORKERS_PER_SERVICE}) w`,
  );

  // The audit log: the row of every change above and a few reads of the plan, chained per family
  // with the formula `appendAuditEvent` uses (SHA-256 of the previous hash followed by
  // `canonicalAuditFields`, written out here in SQL), each link formed by a running aggregate.
  const quoted = (column: string) => `coalesce('"' || (${column})::text || '"', 'null')`;
  step(
    'audit',
    `create function pg_temp.scale_link(text, text) returns text language sql immutable
      as $$ select encode(sha256(convert_to($1 || $2, 'UTF8')), 'hex') $$`,
    `create aggregate pg_temp.scale_chain(text) (sfunc = pg_temp.scale_link, stype = text, initcond = '${GENESIS_HASH}')`,
    `insert into audit_events (chain, occurred_at, actor_id, actor_role, organisation_id, family_id, action, resource, resource_id,
      outcome, basis, detail, prev_hash, hash, hash_version)
    select 'family:' || family_id, occurred_at, actor_id, actor_role, organisation_id, family_id, action, resource, resource_id,
      'allowed', basis, detail::jsonb, coalesce(lag(hash) over links, '${GENESIS_HASH}'), hash, ${CURRENT_HASH_VERSION}
    from (
      select *, pg_temp.scale_chain(
          '["family:' || family_id || '","' || ${iso('occurred_at')} || '",' || ${quoted('actor_id')} || ',' || ${quoted('actor_role')}
          || ',' || ${quoted('organisation_id')} || ',"' || family_id || '","' || action || '","' || resource || '",'
          || ${quoted('resource_id')} || ',"allowed","' || basis || '",' || coalesce(detail, 'null') || ']'
        ) over (partition by f order by occurred_at, n rows unbounded preceding) as hash
      from (
        select f, family_id, n, occurred_at, actor_id, actor_role, organisation_id, 'create' as action, resource,
          entity_id::text as resource_id, basis, null::text as detail
        from scale_changes
        union all
        select f, family_id, 100 + v, greatest(created, ${anchor} - ${seconds(`${r('read', 'f', 'v')} * 86400 * 30`)}), coordinator_id,
          'coordinator', ${uid('organisation', '1')}, 'read', 'plan', family_id::text, 'coordinator',
          '{"parts":["story","assessment","goals","notes","measurements"]}'
        from scale_f, generate_series(1, ${PLAN_READS}) v
      ) entries
    ) linked
    window links as (partition by f order by occurred_at, n)
    order by f, occurred_at, n`,
    `insert into audit_chain_heads (chain, prev_hash, last_hash)
    select distinct on (chain) chain, prev_hash, hash from audit_events where chain like 'family:%' order by chain, id desc`,
    `drop aggregate pg_temp.scale_chain(text)`,
    `drop function pg_temp.scale_link(text, text)`,
  );
  return steps;
}
