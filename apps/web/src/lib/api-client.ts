import { problemSchema, type ErrorCode, type Problem } from '@yhdessa/shared';
import type { z } from 'zod';

/** An API refusal as the UI branches on it: by `code`, never by message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** With `version_conflict`: the resource as the server has it now. */
  readonly current: unknown;
  /** With `possible_duplicate`: how many other cases match. */
  readonly duplicates: Problem['duplicates'];
  /** With `validation_failed`: the paths of the fields at fault, e.g. `body.newPassword`. */
  readonly fields: readonly string[];

  constructor(
    status: number,
    code: ErrorCode,
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

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sends `body`, a string, as it is with this type instead of as JSON (a route that takes a file). */
  bodyType?: 'text/csv';
  /** The shared contract the answer must satisfy; omit for an empty answer. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

/** Same-origin JSON calls to `/api`: the session cookie rides along, responses are checked against the contract. */
export async function apiRequest<T = void>(
  path: string,
  { method = 'GET', body, bodyType, schema, signal }: RequestOptions<T> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': bodyType ?? 'application/json' },
      body: body === undefined ? undefined : bodyType ? String(body) : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'internal', 'The server could not be reached.');
  }
  if (!response.ok) throw await toApiError(response);
  if (!schema) return undefined as T;
  return schema.parse(await response.json());
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
