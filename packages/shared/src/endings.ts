import { z } from 'zod';

/**
 * How something aimed at ended: reached, partly reached, not reached, or dropped before it could
 * be. One set for everything in the plan that ends this way, so the words stay the same.
 */
export const endings = ['reached', 'partly_reached', 'not_reached', 'dropped'] as const;
export const endingSchema = z.enum(endings);
export type Ending = z.infer<typeof endingSchema>;
