import type { Role } from '@yhdessa/shared';

/** Who a printout is for: the family (what the family sees) or professionals (what the one printing sees). */
export const printAudiences = ['family', 'professional'] as const;
export type PrintAudience = (typeof printAudiences)[number];

export const isPrintAudience = (value: string | null): value is PrintAudience => printAudiences.includes(value as PrintAudience);

/**
 * Which printouts a person may make. The family prints its own version; the coordinator prints
 * both, the family's to hand over; a service prints what it sees, which is never the family's
 * version (a service may see less than the family does, or notes the family does not).
 */
export function printAudiencesFor(role: Role): readonly PrintAudience[] {
  switch (role) {
    case 'coordinator':
      return printAudiences;
    case 'worker':
      return ['professional'];
    case 'family':
      return ['family'];
    case 'manager':
    case 'admin':
      return [];
  }
}
