import type { Review } from '@yhdessa/shared';
import type { AgendaItemRow, ReviewRow } from './reviews.repository';

export function presentReview(row: ReviewRow, agenda: readonly AgendaItemRow[]): Review {
  return {
    id: row.id,
    scheduledOn: row.scheduledOn,
    status: row.status,
    participants: row.participants,
    minutes: row.minutes,
    decisions: row.decisions,
    completedAt: row.completedAt?.toISOString() ?? null,
    planVersion: row.planVersion,
    version: row.version,
    agenda: agenda
      .filter((item) => item.reviewId === row.id)
      .map((item) => ({
        id: item.id,
        title: item.title,
        proposedBy: { id: item.proposedById, name: item.proposedByName },
        createdAt: item.createdAt.toISOString(),
      })),
  };
}
