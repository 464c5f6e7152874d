import { assessmentDomains, attainmentLevels } from '@yhdessa/shared';
import type {
  ActivityEntry,
  AccessLogGroup,
  Action,
  AdminAccount,
  Assessment,
  CatalogueService,
  CoordinatorWorkspace,
  CurrentUser,
  DeclinedInvitation,
  FamilyConsents,
  FamilyDetail,
  FamilyList,
  FamilySummary,
  FeedbackRequest,
  Goal,
  GoalAttainment,
  Measurement,
  MeasurementList,
  Note,
  NoteVisibility,
  Plan,
  PlanAction,
  PlanCapabilities,
  Review,
  ServiceInvitation,
  ServiceRole,
  ServiceRoleCapabilities,
  Story,
  WorkerWorkspace,
} from '@yhdessa/shared';

/** A valid v4 uuid from a small number, so tests can name their ids. */
export const testId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const familyId = testId(100);

export function buildCurrentUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: testId(1),
    email: 'sari.koordinaattori@varkaus-demo.fi',
    name: 'Sari Lehtonen',
    role: 'coordinator',
    organisationId: testId(2),
    serviceIds: [],
    secondFactor: 'done',
    ...overrides,
  };
}

export function buildFamilySummary(overrides: Partial<FamilySummary> = {}): FamilySummary {
  return {
    id: familyId,
    name: 'Perhe Virtanen',
    status: 'active',
    coordinator: { id: testId(1), name: 'Sari Lehtonen' },
    memberCount: 4,
    serviceCount: 6,
    openActionCount: 5,
    overdueActionCount: 2,
    nextReviewOn: '2026-03-12',
    updatedAt: '2026-01-10T08:00:00.000Z',
    changedAt: '2026-01-10T08:00:00.000Z',
    attention: {
      reason: 'overdue',
      overdueActionCount: 2,
      unansweredInvitationCount: 0,
      unansweredCommentCount: 0,
      reviewDueOn: null,
    },
    ...overrides,
  };
}

/** One page of a family list: the last one unless it says otherwise; its counts are of the families given. */
export function buildFamilyList(families: FamilySummary[], overrides: Partial<FamilyList> = {}): FamilyList {
  return {
    families,
    nextCursor: null,
    sort: 'attention',
    count: families.length,
    attentionCount: families.filter((family) => family.attention?.reason).length,
    ...overrides,
  };
}

export function buildAction(overrides: Partial<Action> = {}): Action {
  return {
    id: testId(300),
    serviceRoleId: testId(200),
    goalId: null,
    title: 'Kotikäynti kahden viikon välein',
    ownerName: 'Mikko Salo',
    dueOn: '2099-06-30',
    status: 'planned',
    overdue: false,
    version: 1,
    updatedAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function buildGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: testId(400),
    title: 'Aamut sujuvat ilman riitaa',
    ownerName: 'Anna ja Eetu',
    indicator: 'Riidattomat aamut viikossa',
    baseline: '1 / 5',
    target: '4 / 5',
    targetOn: '2026-06-30',
    status: 'open',
    endedOn: null,
    attainmentScale: null,
    attainedLevel: null,
    version: 1,
    progress: [
      { id: testId(410), recordedOn: '2026-02-01', value: '2 / 5', note: '', recordedBy: { id: testId(3), name: 'Mikko Salo' } },
    ],
    ...overrides,
  };
}

function buildServiceRole(overrides: Partial<ServiceRole> = {}): ServiceRole {
  return {
    id: testId(200),
    service: {
      id: testId(210),
      name: { fi: 'Lastensuojelun perhetyö', sv: 'Familjearbete inom barnskyddet', en: 'Child protection family work' },
      category: 'child-protection',
      contact: 'perhetyo@varkaus-demo.fi, 017 555 0303',
    },
    status: 'accepted',
    description: 'Perhetyöntekijä tukee arjen rytmiä kotikäynneillä.',
    responsibleWorker: { id: testId(3), name: 'Mikko Salo' },
    startsOn: '2026-01-01',
    endsOn: null,
    version: 1,
    actions: [buildAction()],
    ...overrides,
  };
}

/** Who reads the plan of `buildPlan()`: Sari its coordinator, Mikko of its family-work service, or Anna of the family. */
export type PlanReader = 'coordinator' | 'worker' | 'family';

/** The family-work role of `buildPlan()`, Mikko's own; the counselling role is only invited. */
export const familyWorkRoleId = testId(200);

const anyVisibility: NoteVisibility[] = ['professionals', 'family'];
const noPlanChanges: PlanCapabilities = {
  editStory: false,
  commentOnStory: false,
  resolveStoryComments: false,
  editAssessment: false,
  addGoal: false,
  addProgress: false,
  changeGoals: false,
  inviteService: false,
  inviteMember: false,
  writeNotes: [],
  manageReviews: false,
  proposeAgenda: false,
  editMembers: false,
  changeCaseStatus: false,
  handOver: false,
  readCosts: false,
  readUsageSummary: false,
  readFeedback: false,
};
const noRoleChanges: ServiceRoleCapabilities = {
  edit: false,
  setDates: false,
  end: false,
  addAction: false,
  writeNotes: [],
  recordUsage: false,
};

interface Answers {
  plan: PlanCapabilities;
  role: (role: ServiceRole) => ServiceRoleCapabilities;
  changeStatus: (action: Action) => boolean;
}

/** What the server answers each reader may do in the open case of `buildPlan()` (the API tests hold it to its routes). */
const openCaseAnswers: Record<PlanReader, Answers> = {
  coordinator: {
    plan: {
      ...noPlanChanges,
      editStory: true,
      resolveStoryComments: true,
      editAssessment: true,
      addGoal: true,
      addProgress: true,
      changeGoals: true,
      inviteService: true,
      inviteMember: true,
      writeNotes: anyVisibility,
      manageReviews: true,
      proposeAgenda: true,
      editMembers: true,
      changeCaseStatus: true,
      handOver: true,
      readCosts: true,
      readFeedback: true,
    },
    role: (role) => ({
      edit: true,
      setDates: true,
      end: true,
      addAction: role.status === 'accepted',
      writeNotes: anyVisibility,
      recordUsage: role.status === 'accepted',
    }),
    changeStatus: () => true,
  },
  worker: {
    // The family shares its goals with Mikko's service.
    plan: { ...noPlanChanges, addProgress: true, proposeAgenda: true, readCosts: true },
    role: (role) =>
      role.id === familyWorkRoleId
        ? { ...noRoleChanges, edit: true, addAction: true, writeNotes: anyVisibility, recordUsage: true }
        : noRoleChanges,
    changeStatus: (action) => action.serviceRoleId === familyWorkRoleId,
  },
  family: {
    plan: {
      ...noPlanChanges,
      commentOnStory: true,
      addGoal: true,
      addProgress: true,
      proposeAgenda: true,
      writeNotes: ['family'],
      readUsageSummary: true,
      readFeedback: true,
    },
    role: () => noRoleChanges,
    changeStatus: (action) => action.serviceRoleId === null,
  },
};

/** A closed case takes no change; its coordinator may only reopen it. */
const closedCaseAnswers = (reader: PlanReader): Answers => ({
  plan: { ...noPlanChanges, changeCaseStatus: reader === 'coordinator', readFeedback: reader !== 'worker' },
  role: () => noRoleChanges,
  changeStatus: () => false,
});

type PlanContent = Omit<Plan, 'can' | 'attainment' | 'serviceRoles' | 'familyActions' | 'lastVisitAt'> & {
  serviceRoles: ServiceRole[];
  familyActions: Action[];
};

/** The summary of goals that are all still open, as the server sums up a plan where nothing has ended. */
const nothingEnded = (goals: readonly Goal[]): GoalAttainment => ({
  total: goals.length,
  open: goals.length,
  reached: 0,
  partlyReached: 0,
  notReached: 0,
  dropped: 0,
  levels: attainmentLevels.map((level) => ({ level, count: 0 })),
});

/**
 * The plan as the server answers `reader`, with what they may do in it; `can` overrides the
 * plan-wide answers. Roles and actions may be given with or without their own `can`: they get the reader's.
 * The attainment summary says nothing has ended unless `attainment` is given.
 */
export function buildPlan(
  {
    can,
    attainment,
    lastVisitAt = null,
    ...overrides
  }: Partial<PlanContent> & { can?: Partial<PlanCapabilities>; attainment?: GoalAttainment } & Partial<
      Pick<Plan, 'lastVisitAt'>
    > = {},
  reader: PlanReader = 'coordinator',
): Plan {
  const content = buildPlanContent(overrides);
  const answers = content.family.status === 'closed' ? closedCaseAnswers(reader) : openCaseAnswers[reader];
  const withCan = (action: Action): PlanAction => ({ ...action, can: { changeStatus: answers.changeStatus(action) } });
  return {
    ...content,
    can: { ...answers.plan, ...can },
    attainment: attainment ?? nothingEnded(content.goals),
    serviceRoles: content.serviceRoles.map((role) => ({ ...role, can: answers.role(role), actions: role.actions.map(withCan) })),
    familyActions: content.familyActions.map(withCan),
    lastVisitAt,
  };
}

function buildPlanContent(overrides: Partial<PlanContent>): PlanContent {
  return {
    family: { id: familyId, name: 'Perhe Virtanen', status: 'active', coordinator: { id: testId(1), name: 'Sari Lehtonen' } },
    version: 3,
    updatedAt: '2026-01-10T08:00:00.000Z',
    sharedParts: ['story', 'assessment', 'goals', 'notes', 'measurements'],
    members: [
      { id: testId(500), name: 'Anna Virtanen', relation: 'guardian', birthYear: null },
      { id: testId(501), name: 'Eetu Virtanen', relation: 'child', birthYear: 2015 },
    ],
    goals: [buildGoal()],
    serviceRoles: [
      buildServiceRole(),
      buildServiceRole({
        id: testId(201),
        service: {
          id: testId(211),
          name: { fi: 'Perheneuvola', sv: 'Familjerådgivning', en: 'Family counselling clinic' },
          category: 'health',
          contact: 'perheneuvola@varkaus-demo.fi',
        },
        status: 'invited',
        description: 'Arvio lapsen tunne-elämän tuesta.',
        responsibleWorker: null,
        actions: [],
      }),
    ],
    familyActions: [
      buildAction({
        id: testId(301),
        serviceRoleId: null,
        title: 'Iltarutiinin kokeilu',
        ownerName: 'Anna Virtanen',
        dueOn: '2020-01-15',
        status: 'in_progress',
        overdue: true,
        version: 2,
      }),
    ],
    ...overrides,
  };
}

/** A full assessment of every domain, all at `rating`, by Sari Lehtonen. */
export function buildAssessment(rating = 3, overrides: Partial<Assessment> = {}): Assessment {
  const coordinator = { id: testId(1), name: 'Sari Lehtonen' };
  return {
    id: testId(900),
    assessedOn: '2026-03-02',
    createdBy: coordinator,
    createdAt: '2026-03-02T09:00:00.000Z',
    ratings: assessmentDomains.map((domain) => ({
      domain,
      rating,
      notes: '',
      ratedBy: coordinator,
      ratedAt: '2026-03-02T09:00:00.000Z',
    })),
    version: 1,
    ...overrides,
  };
}

/** Anna's adult answer on 2 March 2026 at the start, every question at `score`. */
export function buildMeasurement(score = 3, overrides: Partial<Measurement> = {}): Measurement {
  return {
    id: testId(950),
    takenOn: '2026-03-02',
    occasion: 'start',
    respondentVersion: 'adult',
    takenBy: { id: testId(500), name: 'Anna Virtanen', relation: 'guardian' },
    scores: assessmentDomains.map((domain) => ({ domain, score })),
    comment: '',
    createdAt: '2026-03-02T09:00:00.000Z',
    correctedAt: null,
    version: 1,
    can: { correct: false },
    ...overrides,
  };
}

/** The meter with nothing in it and nothing asked, as a reader who may not fill it in sees it. */
export function buildMeasurementList(overrides: Partial<MeasurementList> = {}): MeasurementList {
  return { measurements: [], prompt: null, can: { record: false }, ...overrides };
}

/** The case behind `buildPlan()`: the same members, now with their versions. */
export function buildFamilyDetail(overrides: Partial<FamilyDetail> = {}): FamilyDetail {
  return {
    id: familyId,
    name: 'Perhe Virtanen',
    status: 'active',
    coordinator: { id: testId(1), name: 'Sari Lehtonen' },
    pendingHandover: null,
    members: [
      { id: testId(500), name: 'Anna Virtanen', relation: 'guardian', birthYear: null, hasLogin: true, version: 1 },
      { id: testId(501), name: 'Eetu Virtanen', relation: 'child', birthYear: 2015, hasLogin: false, version: 2 },
    ],
    version: 4,
    updatedAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

/** The two services of `buildPlan()`, as the consents name them. */
export const familyWorkServiceId = testId(210);
export const counsellingServiceId = testId(211);

export function buildConsents(overrides: Partial<FamilyConsents> = {}): FamilyConsents {
  return {
    services: [
      {
        serviceId: familyWorkServiceId,
        parts: { story: true, assessment: true, goals: true, notes: false, measurements: false },
        serviceRole: { id: familyWorkRoleId, hiddenFromOtherServices: false, version: 3 },
      },
      {
        serviceId: counsellingServiceId,
        parts: { story: false, assessment: false, goals: false, notes: false, measurements: false },
        serviceRole: { id: testId(201), hiddenFromOtherServices: false, version: 1 },
      },
    ],
    history: [
      {
        serviceId: familyWorkServiceId,
        part: 'goals',
        granted: true,
        decidedBy: { id: testId(600), name: 'Anna Virtanen' },
        decidedAt: '2026-01-05T10:30:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** Mikko Salo read the plan once; pass `events` to change what happened and the rest follows. */
export function buildAccessLogGroup(
  overrides: Partial<Omit<AccessLogGroup, 'count' | 'refused' | 'things' | 'firstAt' | 'lastAt'>> = {},
): AccessLogGroup {
  const events = overrides.events ?? [
    { id: 100, occurredAt: '2026-11-23T12:05:00.000Z', action: 'read', resource: 'plan', outcome: 'allowed' },
  ];
  const things = new Map<string, AccessLogGroup['things'][number]>();
  for (const event of events) {
    const key = `${event.outcome}|${event.action}|${event.resource}`;
    const thing = things.get(key) ?? { action: event.action, resource: event.resource, outcome: event.outcome, count: 0 };
    things.set(key, { ...thing, count: thing.count + 1 });
  }
  return {
    actor: { name: 'Mikko Salo', role: 'worker', organisation: 'Demo-hyvinvointialue' },
    day: events[0]!.occurredAt.slice(0, 10),
    ...overrides,
    events,
    count: events.length,
    refused: events.some((event) => event.outcome === 'denied'),
    things: [...things.values()].sort((a, b) => Number(b.outcome === 'denied') - Number(a.outcome === 'denied')),
    firstAt: events[events.length - 1]!.occurredAt,
    lastAt: events[0]!.occurredAt,
  };
}

/** One line of a family's activity: by default, Mikko Salo of family work marking an action done. */
export function buildActivityEntry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    seq: 40,
    type: 'action.updated',
    actor: {
      name: 'Mikko Salo',
      role: 'worker',
      service: { fi: 'Perhetyö', sv: 'Familjearbete', en: 'Family work' },
      relation: null,
    },
    item: { id: testId(300), title: 'Kotikäynti kahden viikon välein', service: null, day: null },
    status: 'done',
    consent: null,
    version: 2,
    count: 1,
    firstAt: '2026-01-10T07:30:00.000Z',
    lastAt: '2026-01-10T07:30:00.000Z',
    ...overrides,
  };
}

export function buildCoordinatorWorkspace(overrides: Partial<CoordinatorWorkspace> = {}): CoordinatorWorkspace {
  const virtanen = { id: familyId, name: 'Perhe Virtanen' };
  return {
    role: 'coordinator',
    overdueActions: {
      actions: [
        {
          family: virtanen,
          action: buildAction({ title: 'Varaa aika neuvolaan', dueOn: '2026-01-05', overdue: true }),
          service: { id: testId(400), name: { fi: 'Perhetyö', sv: 'Familjearbete', en: 'Family work' } },
        },
      ],
      nextCursor: null,
      count: 1,
    },
    unansweredInvitations: [
      {
        family: virtanen,
        serviceRoleId: testId(201),
        service: { id: testId(401), name: { fi: 'Kasvatus- ja perheneuvola', sv: 'Uppfostrings- och familjerådgivning' } },
        invitedAt: '2026-01-06T08:00:00.000Z',
        ageDays: 4,
        // 6 January is Epiphany: the two working days are the 7th and the 8th.
        reminderDueAt: '2026-01-08T08:00:00.000Z',
        reminder: { sentAt: '2026-01-08T08:10:00.000Z', recipients: 2 },
      },
    ],
    upcomingReviews: [{ family: virtanen, reviewId: testId(500), scheduledOn: '2026-01-14' }],
    recentChanges: {
      count: 1,
      families: [{ family: virtanen, count: 1 }],
      latest: [
        {
          ...buildActivityEntry({
            seq: 12,
            type: 'goal.created',
            status: null,
            actor: { name: 'Anna Virtanen', role: 'family', service: null, relation: 'guardian' },
            item: { id: testId(600), title: 'Aamut sujuvat', service: null, day: null },
          }),
          family: virtanen,
        },
      ],
    },
    handoversToMe: [],
    ...overrides,
  };
}

export function buildWorkerWorkspace(overrides: Partial<WorkerWorkspace> = {}): WorkerWorkspace {
  return {
    role: 'worker',
    dueActions: {
      actions: [
        {
          family: { id: familyId, name: 'Perhe Virtanen' },
          action: buildAction({ title: 'Kotikäynti', dueOn: '2026-01-05', overdue: true }),
          service: { id: testId(400), name: { fi: 'Perhetyö', sv: 'Familjearbete', en: 'Family work' } },
        },
      ],
      nextCursor: null,
      count: 1,
    },
    ...overrides,
  };
}

export function buildServiceInvitation(overrides: Partial<ServiceInvitation> = {}): ServiceInvitation {
  return {
    serviceRoleId: testId(202),
    familyId: testId(102),
    familyName: 'Perhe Nieminen',
    coordinator: { id: testId(1), name: 'Sari Lehtonen' },
    service: { id: testId(400), name: { fi: 'Perhetyö', sv: 'Familjearbete', en: 'Family work' } },
    status: 'invited',
    invitedAt: '2026-01-08T08:00:00.000Z',
    respondedAt: null,
    respondedBy: null,
    declineReason: null,
    message: null,
    version: 3,
    ...overrides,
  };
}

export function buildStory(overrides: Partial<Story> = {}): Story {
  return {
    familyId,
    background: 'Perhe muutti Varkauteen kaksi vuotta sitten.',
    situation: 'Aamut ovat raskaita.',
    strengths: 'Perhe pitää yhtä.',
    updatedBy: { id: testId(1), name: 'Sari Lehtonen' },
    updatedAt: '2026-01-09T10:00:00.000Z',
    version: 2,
    comments: [],
    ...overrides,
  };
}

export function buildNote(overrides: Partial<Note> = {}): Note {
  return {
    id: testId(700),
    serviceRoleId: null,
    author: { id: testId(1), name: 'Sari Lehtonen' },
    body: 'Kotikäynti sovittu.',
    visibility: 'professionals',
    version: 1,
    createdAt: '2026-01-09T10:00:00.000Z',
    updatedAt: '2026-01-09T10:00:00.000Z',
    ...overrides,
  };
}

export function buildReview(overrides: Partial<Review> = {}): Review {
  return {
    id: testId(900),
    scheduledOn: '2026-02-10',
    status: 'scheduled',
    participants: ['Anna Virtanen', 'Mikko Salo'],
    minutes: '',
    decisions: '',
    completedAt: null,
    planVersion: null,
    version: 1,
    agenda: [
      {
        id: testId(901),
        title: 'Aamujen sujuminen',
        proposedBy: { id: testId(5), name: 'Anna Virtanen' },
        createdAt: '2026-01-09T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** A request for the family's experience, opened after a review and not answered yet. */
export function buildFeedbackRequest(overrides: Partial<FeedbackRequest> = {}): FeedbackRequest {
  return {
    id: testId(950),
    occasion: 'review',
    openedAt: '2026-02-10T12:00:00.000Z',
    answered: false,
    answer: null,
    can: { answer: false, changePermission: false },
    ...overrides,
  };
}

/** Early education declined Sari's invitation to `buildPlan()`'s family; what the coordinator reads of it. */
export function buildDeclinedInvitation(overrides: Partial<DeclinedInvitation> = {}): DeclinedInvitation {
  return {
    serviceRoleId: testId(205),
    service: { id: testId(215), name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik' }, category: 'education' },
    invitedAt: '2026-01-05T08:00:00.000Z',
    respondedAt: '2026-01-07T12:15:00.000Z',
    respondedBy: { id: testId(8), name: 'Kaisa Päiväkoti' },
    reason: 'Keskustan päiväkoti on täynnä kevääseen asti.',
    message: 'Eetun pikkusisko tarvitsee hoitopaikan helmikuusta.',
    replacedBy: null,
    ...overrides,
  };
}

export function buildCatalogueService(overrides: Partial<CatalogueService> = {}): CatalogueService {
  return {
    id: testId(210),
    name: { fi: 'Lastenneuvola', sv: 'Barnrådgivning', en: 'Child health clinic' },
    category: 'health',
    organisation: { id: testId(20), name: 'Demo-hyvinvointialue' },
    unit: 'visit',
    unitCostCents: 9_500,
    prices: [{ validFrom: '2000-01-01', unitCostCents: 9_500 }],
    description: 'Terveystarkastukset ja rokotukset',
    contact: 'neuvola@varkaus-demo.fi, 017 555 0101',
    retiredAt: null,
    ...overrides,
  };
}

export function buildAdminAccount(overrides: Partial<AdminAccount> = {}): AdminAccount {
  return {
    id: testId(30),
    name: 'Mikko Salo',
    email: 'mikko.perhetyo@varkaus-demo.fi',
    role: 'worker',
    organisation: { id: testId(20), name: 'Demo-hyvinvointialue' },
    services: [{ id: testId(210), name: { fi: 'Lastensuojelun perhetyö', sv: 'Familjearbete inom barnskyddet' } }],
    disabledAt: null,
    signInLockedUntil: null,
    secondFactorLockedUntil: null,
    secondFactor: 'enrolled',
    ...overrides,
  };
}
