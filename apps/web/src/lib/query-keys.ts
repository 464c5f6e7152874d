import type { QueryClient } from '@tanstack/react-query';
import type { CommentTargetKind, InsightsChangeRequest, ProgramReportQuery, ProgramReportRowsQuery, Role } from '@yhdessa/shared';

const family = (familyId: string) => ['families', familyId] as const;

/**
 * Every react-query key of the client, in one place: a mutation in one feature and a live event
 * invalidate what a query in another feature cached. Keys nest, so a shorter key invalidates or
 * drops everything under it.
 */
export const queryKeys = {
  currentUser: ['auth', 'me'] as const,
  demoAccounts: ['demo', 'accounts'] as const,

  /** The workspace and the pages of its actions. */
  workspace: ['workspace'] as const,
  workspaceView: ['workspace', 'view'] as const,
  workspaceActions: ['workspace', 'actions'] as const,

  /** The family list and everything cached of every family. */
  allFamilies: ['families'] as const,
  /** Every family list, its first page and its pages by search, filter and sort. */
  families: ['families', 'list'] as const,
  familyPages: (filter: { q: string; status: string; sort: string }) => ['families', 'list', 'pages', filter] as const,
  /** Everything cached of one family: it all goes when the user loses access. */
  familyAll: family,
  /** The case itself: its coordinator, status, versioned members and any pending handover. */
  family: (familyId: string) => [...family(familyId), 'detail'] as const,
  /** The pending handover: all its named new coordinator may see of the case before accepting. */
  handover: (familyId: string) => [...family(familyId), 'handover'] as const,
  handoverCandidates: (familyId: string) => [...family(familyId), 'handover', 'candidates'] as const,
  plan: (familyId: string) => [...family(familyId), 'plan'] as const,
  notes: (familyId: string) => [...family(familyId), 'notes'] as const,
  story: (familyId: string) => [...family(familyId), 'story'] as const,
  storyHistory: (familyId: string) => [...family(familyId), 'story', 'history'] as const,
  /** The comment threads of every goal, or of every action, of the family. */
  comments: (familyId: string, kind: CommentTargetKind) => [...family(familyId), 'comments', kind] as const,
  commentThread: (familyId: string, kind: CommentTargetKind, id: string) => [...family(familyId), 'comments', kind, id] as const,
  assessments: (familyId: string) => [...family(familyId), 'assessments'] as const,
  /** The family's wellbeing meter: its measurements and whether it is asked to fill one in. */
  measurements: (familyId: string) => [...family(familyId), 'measurements'] as const,
  reviews: (familyId: string) => [...family(familyId), 'reviews'] as const,
  versions: (familyId: string) => [...family(familyId), 'versions'] as const,
  version: (familyId: string, version: number) => [...family(familyId), 'versions', version] as const,
  versionComparison: (familyId: string, from: number, to: number) =>
    [...family(familyId), 'versions', 'compare', from, to] as const,
  consents: (familyId: string) => [...family(familyId), 'consents'] as const,
  accessLog: (familyId: string) => [...family(familyId), 'access-log'] as const,
  /** What changed in the family, page by page: every live event of the family makes it stale. */
  activity: (familyId: string) => [...family(familyId), 'activity'] as const,
  feedback: (familyId: string) => [...family(familyId), 'feedback'] as const,
  /** The signed-in family member's choice to be told when the coordinator is looking at the plan. */
  presencePreference: (familyId: string) => [...family(familyId), 'presence-preference'] as const,
  /** The family's enrolments in outcome-based programmes, and those it could join. */
  programEnrolments: (familyId: string) => [...family(familyId), 'program-enrolments'] as const,
  /** The family's service usage: the entries, the costs and the family's summary, all under one key. */
  serviceUsageAll: (familyId: string) => [...family(familyId), 'service-usage'] as const,
  serviceUsage: (familyId: string) => [...family(familyId), 'service-usage', 'list'] as const,
  familyCosts: (familyId: string) => [...family(familyId), 'service-usage', 'costs'] as const,
  usageSummary: (familyId: string) => [...family(familyId), 'service-usage', 'summary'] as const,
  /** The invitations services declined, which stay on the plan. */
  declinedInvitations: (familyId: string) => [...family(familyId), 'service-roles', 'declined'] as const,
  serviceRoleWorkers: (familyId: string, serviceRoleId: string) =>
    [...family(familyId), 'service-roles', serviceRoleId, 'workers'] as const,

  serviceInvitations: ['service-invitations'] as const,
  serviceCatalogue: ['services', 'catalogue'] as const,
  referenceCosts: ['reference-costs'] as const,
  organisations: ['organisations'] as const,
  invitation: (token: string) => ['invitations', token] as const,

  /** The manager's aggregates. */
  insightsCosts: (year: number | null) => ['insights', 'costs', { year }] as const,
  insightsChange: (request: InsightsChangeRequest) => ['insights', 'change', request] as const,
  insightsCaseloads: ['insights', 'caseloads'] as const,
  insightsCaseloadCoordinators: (cursor: string | null) => ['insights', 'caseloads', 'coordinators', { cursor }] as const,
  insightsCostRows: (list: { table: string; year?: number }, cursor: string | null) =>
    ['insights', 'costs', list, { cursor }] as const,
  insightsForecast: ['insights', 'forecast'] as const,
  insightsForecastServices: (cursor: string | null) => ['insights', 'forecast', 'services', { cursor }] as const,
  insightsOutcomes: ['insights', 'outcomes'] as const,
  insightsOutcomeServices: (cursor: string | null) => ['insights', 'outcomes', 'services', { cursor }] as const,
  historicalCosts: ['insights', 'historical-costs'] as const,

  /** Outcome-based programmes: everything cached of them goes stale when one is saved. */
  programs: ['programs'] as const,
  programList: ['programs', 'list'] as const,
  program: (programId: string) => ['programs', programId, 'detail'] as const,
  programReport: (programId: string, period: ProgramReportQuery) => ['programs', programId, 'report', period] as const,
  programReportRows: (programId: string, query: ProgramReportRowsQuery) => ['programs', programId, 'rows', query] as const,

  /** The reader's own notifications: everything under this key goes stale when one is made or read. */
  notifications: ['notifications'] as const,
  notificationList: ['notifications', 'list'] as const,
  unreadNotifications: ['notifications', 'unread'] as const,
  notificationPreferences: ['notifications', 'preferences'] as const,

  /** Every account list, whatever its role filter. */
  accounts: ['accounts'] as const,
  accountsByRole: (role: Role | null) => ['accounts', { role }] as const,
};

/** A service's usage file may touch several families: the usage, costs and summaries of every cached family go stale. */
export function invalidateAllServiceUsage(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === 'families' && query.queryKey[2] === 'service-usage',
  });
}

/** What needs the user changed: the workspace is read again, and the family list, whose order and counts follow from it. */
export function invalidateWorkspace(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
  void queryClient.invalidateQueries({ queryKey: queryKeys.families });
}

/** A change to the plan: it is read again, and so are the workspace and the family list, whose counts and dates follow from it. */
export function invalidatePlan(queryClient: QueryClient, familyId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.plan(familyId) });
  invalidateWorkspace(queryClient);
}
