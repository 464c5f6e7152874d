import type { ErrorCode, FieldError } from '@yhdessa/shared';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  invalid_second_factor: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  case_closed: 409,
  invitation_expired: 410,
  service_already_in_plan: 409,
  invitation_answered: 409,
  possible_duplicate: 409,
  usage_already_recorded: 409,
  measurement_final: 409,
  feedback_already_answered: 409,
  not_in_target_group: 422,
  already_enrolled: 409,
  enrolment_ended: 409,
  program_metrics_fixed: 409,
  email_taken: 409,
  last_administrator: 409,
  coordinator_has_families: 409,
  worker_has_service_roles: 409,
  service_retired: 409,
  rate_limited: 429,
  internal: 500,
};

const titleByCode: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  malformed_request: 'The request could not be read',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be application/json',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'Wrong email or password',
  second_factor_required: 'Second factor required',
  invalid_second_factor: 'Wrong or already used code',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  version_conflict: 'Someone else changed this first',
  case_closed: 'The family case is closed',
  invitation_expired: 'The invitation link has expired or been used',
  service_already_in_plan: 'The service is already in the plan',
  invitation_answered: 'The invitation has already been answered',
  possible_duplicate: 'This family may already have a case',
  usage_already_recorded: 'This usage is already recorded',
  measurement_final: 'The measurement can no longer be corrected',
  feedback_already_answered: 'This feedback has already been answered',
  not_in_target_group: "The family is not in the programme's target group",
  already_enrolled: 'The family is already enrolled in this programme',
  enrolment_ended: 'The enrolment has already ended',
  program_metrics_fixed: "The programme's metrics are fixed once a family is enrolled",
  email_taken: 'This email address has an account already',
  last_administrator: 'The last administrator cannot be disabled or given another role',
  coordinator_has_families: 'The coordinator still has open family cases; hand them over first',
  worker_has_service_roles: 'The worker is still responsible for service roles in open plans',
  service_retired: 'The service is retired',
  rate_limited: 'Too many requests',
  internal: 'Something went wrong',
};

/** The one error type the API throws on purpose; the error middleware turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; current?: unknown; duplicates?: { count: number; familyIds: string[] } } = {},
  ) {
    super(detail);
    this.status = statusByCode[code];
    this.title = titleByCode[code];
  }
}

export function notFound(what = 'resource'): AppError {
  return new AppError('not_found', `No such ${what}, or you may not see it.`);
}

/** A 400 about one field of the request, e.g. `invalidField('body.endsOn', 'The day is before the start.')`. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', message, { errors: [{ path, message }] });
}
