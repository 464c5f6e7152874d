import type { CreateProgram } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { familyMembers } from '../db/tables/families';

/**
 * A programme shaped like the demo's: 2024-2031, children 0-17, two payers, and the three kinds of
 * metric, each due 12 months after enrolment (8,000 €, 2,000 € and 1,500 € per outcome).
 */
export const programBody = (placementServiceId: string, change: Partial<CreateProgram> = {}): CreateProgram => ({
  name: 'Lapset kotona -tulosohjelma',
  provider: 'Testirahasto',
  description: '',
  targetGroup: { description: 'Perheet, joissa on 0–17-vuotias lapsi', childAgeMin: 0, childAgeMax: 17 },
  startsOn: '2024-01-01',
  endsOn: '2031-12-31',
  payers: ['Kunta A', 'Kunta B'],
  metrics: [
    {
      name: 'Lapsi asuu kotona 12 kk',
      definition: { kind: 'lives_at_home', months: 12, placementServiceIds: [placementServiceId] },
      baselineRate: 80,
      targetRate: 90,
      paymentCents: 800_000,
    },
    {
      name: 'Hyvinvointi kohenee',
      definition: { kind: 'wellbeing_improved', months: 12, steps: 1, domains: 3 },
      baselineRate: 30,
      targetRate: 50,
      paymentCents: 200_000,
    },
    {
      name: 'Tavoite saavutetaan',
      definition: { kind: 'goal_reached', months: 12 },
      baselineRate: 40,
      targetRate: 60,
      paymentCents: 150_000,
    },
  ],
  ...change,
});

/** The factories give every member the birth year 1990; a child of the programme's target group needs a younger one. */
export async function setBirthYear(db: Queryable, memberId: string, birthYear: number): Promise<void> {
  await db.update(familyMembers).set({ birthYear }).where(eq(familyMembers.id, memberId));
}
