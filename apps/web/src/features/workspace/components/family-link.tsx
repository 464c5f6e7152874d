import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/**
 * An agenda item is itself the link to its family's plan, or to the part of it the item is about
 * (`to`). It is named by the item, not the family: the family's own card below is the one link
 * named after the family.
 */
export function FamilyItemLink({ familyId, to, children }: { familyId: string; to?: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to ?? paths.family(familyId)} fw={600} size="sm">
      {children}
    </Anchor>
  );
}
