import { z } from 'zod';
import { idSchema } from './ids';

/** An organisation that employs professionals or provides services: a municipality, a wellbeing area, an NGO. */
export const organisationSchema = z.object({ id: idSchema, name: z.string() });
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListSchema = z.object({ organisations: z.array(organisationSchema) });
