import { EmptyState, SimpleGrid } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { FamilySummary } from '@yhdessa/shared';
import { FamilyCard } from './family-card';

interface FamilyGridProps {
  families: FamilySummary[];
  emptyTitle: string;
  emptyDescription: string;
}

/** Family cards in a responsive grid, or an empty state that says why there are none. */
export function FamilyGrid({ families, emptyTitle, emptyDescription }: FamilyGridProps) {
  if (families.length === 0)
    return (
      <EmptyState
        icon={<IconUsersGroup aria-hidden />}
        withIndicatorBackground
        title={emptyTitle}
        description={emptyDescription}
      />
    );
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      component="ul"
      role="list"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {families.map((family) => (
        <li key={family.id}>
          <FamilyCard family={family} />
        </li>
      ))}
    </SimpleGrid>
  );
}
