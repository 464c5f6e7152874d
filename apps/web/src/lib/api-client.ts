import { problemSchema, type ErrorCode, type Problem } from '@yhdessa/shared';
import type { z } from 'zod';
import { takeEarlyRead } from './early-reads';

/**
 * Failures the client names itself, with status 0: the server never answered. They are not part of
 * the API's contract (`ErrorCode`), which the server alone answers with.
 */
export const clientErrorCodes = ['timeout', 'unreachable'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/**
 * How long a request may take before the client gives up on it, in milliseconds. A write is given
 * less time than a read: the user is waiting on it and can try again. An upload takes longer.
 * Tests shorten these.
 */
export const requestTimeLimits = { read: 30_000, write: 15_000, upload: 60_000 };

/** An API refusal as the UI branches on it: by `code`, never by message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** With `version_conflict`: the resource as the server has it now. */
  readonly current: unknown;
  /** With `possible_duplicate`: how many other cases match. */
  readonly duplicates: Problem['duplicates'];
  /** With `validation_failed`: the paths of the fields at fault, e.g. `body.newPassword`. */
  readonly fields: readonly string[];

  constructor(
    status: number,
    code: ApiErrorCode,
    detail: string,
    current?: unknown,
    duplicates?: Problem['duplicates'],
    fields: readonly string[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.current = current;
    this.duplicates = duplicates;
    this.fields = fields;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A failure that may pass by sending the same request again: no answer, or the server's own trouble. */
export function isTransientError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.code === 'rate_limited');
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file upload sends its text as CSV; everything else is JSON. */
  bodyType?: 'json' | 'csv';
  /** The shared contract the answer must satisfy; omit for an empty answer. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

/**
 * Same-origin JSON calls to `/api`: the session cookie rides along, responses are checked against
 * the contract. A request that gets no whole answer within its time limit fails as `timeout`; one
 * that cannot reach the server at all as `unreachable`.
 */
export async function apiRequest<T = void>(
  path: string,
  { method = 'GET', body, bodyType = 'json', schema, signal }: RequestOptions<T> = {},
): Promise<T> {
  const csv = bodyType === 'csv';
  const timeout = AbortSignal.timeout(
    csv ? requestTimeLimits.upload : method === 'GET' ? requestTimeLimits.read : requestTimeLimits.write,
  );
  try {
    // The page's first reads were asked for before this code came (app/early-requests.ts).
    const response =
      (method === 'GET' ? await takeEarlyRead(path) : undefined) ??
      (await fetch(path, {
        method,
        credentials: 'same-origin',
        headers:
          body === undefined
            ? { Accept: 'application/json' }
            : { Accept: 'application/json', 'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json' },
        body: body === undefined ? undefined : csv ? String(body) : JSON.stringify(body),
        signal: signal ? anySignal(signal, timeout) : timeout,
      }));
    if (!response.ok) throw await toApiError(response);
    if (!schema) return undefined as T;
    // The time limit covers reading the answer too.
    return schema.parse(await response.json());
  } catch (error) {
    if (error instanceof ApiError || signal?.aborted) throw error;
    if (timeout.aborted) throw new ApiError(0, 'timeout', 'The server did not answer in time.');
    if (error instanceof TypeError) throw new ApiError(0, 'unreachable', 'The server could not be reached.');
    throw error;
  }
}

/**
 * The caller's cancellation or the time limit, whichever comes first. A browser without
 * `AbortSignal.any` keeps the time limit: a cancelled request's answer is ignored anyway.
 */
function anySignal(signal: AbortSignal, timeout: AbortSignal): AbortSignal {
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, timeout]) : timeout;
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = problemSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success)
    return new ApiError(
      response.status,
      parsed.data.code,
      parsed.data.detail,
      parsed.data.current,
      parsed.data.duplicates,
      parsed.data.errors?.map((error) => error.path),
    );
  // A proxy or a crash can answer without problem+json; the status still tells what kind of failure it was.
  const code: ErrorCode = response.status === 401 ? 'unauthenticated' : response.status === 404 ? 'not_found' : 'internal';
  return new ApiError(response.status, code, response.statusText);
}
