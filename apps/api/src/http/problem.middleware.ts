import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Problem } from '@yhdessa/shared';
import { AppError } from '../core/app-error';

const PROBLEM_TYPE_BASE = 'https://yhdessa.example/problems/';

export function sendProblem(res: Parameters<RequestHandler>[1], error: AppError): void {
  const body: Problem = {
    type: PROBLEM_TYPE_BASE + error.code,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...error.extra,
  };
  res.status(error.status).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * Errors of reading the request itself, before any route ran: body-parser's carry a `type`, the
 * router's bad percent-encoding and a body that does not inflate carry a 4xx `status`.
 */
function fromRequestReading(error: unknown): AppError | null {
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return new AppError('malformed_json', 'Check the JSON syntax of the request body.');
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is larger than the limit.');
  if (type === 'encoding.unsupported')
    return new AppError('unsupported_media_type', 'Send the body without Content-Encoding, or as gzip, deflate or br.');
  if (type === 'charset.unsupported') return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON.');
  if (error instanceof URIError)
    return new AppError('malformed_request', 'The address has a part that is not valid percent-encoding.');
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppError('malformed_request', 'The request could not be read: check its encoding and body.');
  return null;
}

export const problemMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  const known = error instanceof AppError ? error : fromRequestReading(error);
  if (known) {
    sendProblem(res, known);
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  sendProblem(res, new AppError('internal', 'The error was logged. Try again in a moment.'));
};

export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'No such API route.'));
};
