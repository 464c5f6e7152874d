import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from './api-client';

/**
 * After a 409, keeps the resource as the server has it now, so the form can show it and let the
 * user save their own change on top of it, or drop their change.
 */
export function useVersionConflict<T>(schema: z.ZodType<T>) {
  const [current, setCurrent] = useState<T | null>(null);
  return {
    current,
    capture: (error: unknown) => {
      if (!isApiError(error, 'version_conflict')) return;
      const parsed = schema.safeParse(error.current);
      if (parsed.success) setCurrent(parsed.data);
    },
    clear: () => setCurrent(null),
  };
}
