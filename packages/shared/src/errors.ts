import { z } from 'zod';

/** Every error the API can answer with; the client branches on these, never on messages. */
export const errorCodes = [
  'validation_failed',
  'malformed_json',
  'malformed_request',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'second_factor_required',
  'invalid_second_factor',
  'forbidden',
  'not_found',
  'version_conflict',
  'case_closed',
  'invitation_expired',
  'service_already_in_plan',
  'invitation_answered',
  'possible_duplicate',
  'usage_already_recorded',
  'measurement_final',
  'feedback_already_answered',
  'not_in_target_group',
  'already_enrolled',
  'enrolment_ended',
  'program_metrics_fixed',
  'email_taken',
  'last_administrator',
  'coordinator_has_families',
  'worker_has_service_roles',
  'service_retired',
  'rate_limited',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, as every API error is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: errorCodeSchema,
  errors: z.array(fieldErrorSchema).optional(),
  /** With `version_conflict`: the resource as it is now. */
  current: z.unknown().optional(),
  /** With `possible_duplicate`: how many other cases match, and the ids of those the caller coordinates. */
  duplicates: z.object({ count: z.number().int(), familyIds: z.array(z.string()) }).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
