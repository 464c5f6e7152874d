import type { Action, Assessment, FrozenPlan, FrozenStory, Goal, ServiceRole } from '@yhdessa/shared';
import { comparePlans, diffEntities } from './plan-diff';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const goal = (n: number, change: Partial<Goal> = {}): Goal => ({
  id: id(n),
  title: `Tavoite ${n}`,
  ownerName: 'Anna',
  indicator: '',
  baseline: '1',
  target: '5',
  targetOn: null,
  status: 'open',
  endedOn: null,
  attainmentScale: null,
  attainedLevel: null,
  version: 1,
  progress: [],
  ...change,
});
const action = (n: number, change: Partial<Action> = {}): Action => ({
  id: id(n),
  serviceRoleId: null,
  goalId: null,
  title: `Tehtävä ${n}`,
  ownerName: '',
  dueOn: null,
  status: 'planned',
  overdue: false,
  version: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...change,
});
const role = (n: number, change: Partial<ServiceRole> = {}): ServiceRole => ({
  id: id(n),
  service: { id: id(9), name: { fi: `Palvelu ${n}` }, category: 'social', contact: '' },
  status: 'accepted',
  description: '',
  responsibleWorker: null,
  startsOn: null,
  endsOn: null,
  version: 1,
  actions: [],
  ...change,
});
const plan = (version: number, parts: Partial<FrozenPlan>): FrozenPlan => ({
  family: { id: id(0), name: 'Perhe', status: 'active', coordinator: { id: id(0), name: 'K' } },
  version,
  updatedAt: '2025-01-01T00:00:00.000Z',
  sharedParts: [],
  members: [],
  goals: [],
  serviceRoles: [],
  familyActions: [],
  story: null,
  assessment: null,
  ...parts,
});
const story = (change: Partial<FrozenStory> = {}): FrozenStory => ({
  background: 'Tausta',
  situation: 'Tilanne',
  strengths: 'Vahvuudet',
  updatedBy: { id: id(0), name: 'K' },
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...change,
});
const rating = (domain: Assessment['ratings'][number]['domain'], value: number, notes = '') => ({
  domain,
  rating: value,
  notes,
  ratedBy: { id: id(0), name: 'K' },
  ratedAt: '2025-01-01T00:00:00.000Z',
});
const assessment = (assessedOn: string, ratings: Assessment['ratings']): Assessment => ({
  id: id(7),
  assessedOn,
  createdBy: { id: id(0), name: 'K' },
  createdAt: '2025-01-01T00:00:00.000Z',
  ratings,
  version: 1,
});

describe('diffEntities', () => {
  const describe_ = (entity: { id: string; title: string; status: string }) => ({
    title: entity.title,
    fields: { title: entity.title, status: entity.status },
  });
  it.each([
    ['nothing changed', [{ id: 'a', title: 'A', status: 'x' }], [{ id: 'a', title: 'A', status: 'x' }], 0, 0, []],
    ['one added', [], [{ id: 'a', title: 'A', status: 'x' }], 1, 0, []],
    ['one removed', [{ id: 'a', title: 'A', status: 'x' }], [], 0, 1, []],
    [
      'a field changed',
      [{ id: 'a', title: 'A', status: 'x' }],
      [{ id: 'a', title: 'A', status: 'y' }],
      0,
      0,
      [{ field: 'status', before: 'x', after: 'y' }],
    ],
  ])('when %s, then the changes say so', (_case, before, after, added, removed, fields) => {
    const changes = diffEntities(before, after, describe_);
    expect(changes.added).toHaveLength(added);
    expect(changes.removed).toHaveLength(removed);
    expect(changes.changed.flatMap((entry) => entry.fields)).toEqual(fields);
  });
});

describe('comparePlans', () => {
  it('when goals, roles and actions change between versions, then each change is listed with before and after', () => {
    const from = plan(1, {
      goals: [goal(1), goal(2)],
      serviceRoles: [role(3, { actions: [action(4)] })],
      familyActions: [action(5)],
    });
    const to = plan(2, {
      goals: [
        goal(1, {
          status: 'reached',
          endedOn: '2025-02-03',
          attainmentScale: { muchLess: '', less: '', expected: '5 / 5', more: '', muchMore: '' },
          attainedLevel: 0,
          progress: [{ id: id(8), recordedOn: '2025-02-01', value: '4', note: '', recordedBy: { id: id(0), name: 'K' } }],
        }),
        goal(6),
      ],
      serviceRoles: [role(3, { description: 'Uusi', actions: [action(4, { status: 'done', overdue: true, version: 2 })] })],
      familyActions: [],
    });
    const comparison = comparePlans(from, to);
    expect(comparison).toMatchObject({ from: 1, to: 2 });
    expect(comparison.goals.added).toEqual([{ id: id(6), title: 'Tavoite 6' }]);
    expect(comparison.goals.removed).toEqual([{ id: id(2), title: 'Tavoite 2' }]);
    expect(comparison.goals.changed).toEqual([
      {
        id: id(1),
        title: 'Tavoite 1',
        fields: [
          { field: 'status', before: 'open', after: 'reached' },
          { field: 'endedOn', before: null, after: '2025-02-03' },
          { field: 'attainmentLevels', before: null, after: '-2: \n-1: \n0: 5 / 5\n1: \n2: ' },
          { field: 'attainedLevel', before: null, after: 0 },
          { field: 'latestProgress', before: null, after: '4' },
        ],
      },
    ]);
    expect(comparison.serviceRoles.changed[0]?.fields).toEqual([{ field: 'description', before: '', after: 'Uusi' }]);
    // version, updatedAt and overdue are bookkeeping, not changes to the plan.
    expect(comparison.actions.changed).toEqual([
      { id: id(4), title: 'Tehtävä 4', fields: [{ field: 'status', before: 'planned', after: 'done' }] },
    ]);
    expect(comparison.actions.removed).toEqual([{ id: id(5), title: 'Tehtävä 5' }]);
  });

  it('when an action moves to a goal, then the change names the goal, not its id', () => {
    const from = plan(1, { goals: [goal(1)], familyActions: [action(4)] });
    const to = plan(2, { goals: [goal(1)], familyActions: [action(4, { goalId: id(1), dueOn: '2027-03-01' })] });
    expect(comparePlans(from, to).actions.changed[0]?.fields).toEqual([
      { field: 'dueOn', before: null, after: '2027-03-01' },
      { field: 'goal', before: null, after: 'Tavoite 1' },
    ]);
  });

  it('when the story and the assessment change, then the changed story parts and domains are listed', () => {
    const from = plan(1, {
      story: story(),
      assessment: assessment('2025-01-01', [rating('housing', 2), rating('safety', 4)]),
    });
    const to = plan(2, {
      story: story({ situation: 'Parempi', updatedAt: '2025-02-01T00:00:00.000Z' }),
      assessment: assessment('2025-02-01', [rating('housing', 3, 'Uusi asunto'), rating('safety', 4), rating('parenting', 5)]),
    });
    const comparison = comparePlans(from, to);
    expect(comparison.story).toEqual([{ field: 'situation', before: 'Tilanne', after: 'Parempi' }]);
    expect(comparison.assessment).toEqual({
      assessedOn: { before: '2025-01-01', after: '2025-02-01' },
      ratings: [
        { domain: 'parenting', before: null, after: { rating: 5, notes: '' } },
        { domain: 'housing', before: { rating: 2, notes: '' }, after: { rating: 3, notes: 'Uusi asunto' } },
      ],
    });
  });

  it('when a version holds no story or assessment (frozen before they were kept, or not visible), then they are not compared', () => {
    const comparison = comparePlans(plan(1, {}), plan(2, { story: story(), assessment: assessment('2025-01-01', []) }));
    expect(comparison.story).toBeNull();
    expect(comparison.assessment).toBeNull();
  });
});
