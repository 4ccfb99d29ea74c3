/** Request/response types shared by the server and the API areas, and the error shapes of §11.1. */
import { randomBytes } from 'node:crypto';
import type { Account } from './accounts';
import type { ProjectState } from './state';

export type ErrorBody = Record<string, unknown> & { error_code: string; error_msg: string };

/** A failure answered as JSON. Gateway (APIG) errors also carry the request id in the body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly fromGateway = false,
  ) {
    super(`${body.error_code}: ${body.error_msg}`);
  }
}

export function modelArtsError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(status, { error_code: code, error_msg: message, ...extra });
}

export function gatewayError(status: number, code: string, message: string): ApiError {
  return new ApiError(status, { error_code: code, error_msg: message }, true);
}

/** The gateway's answer for a path and method no API serves (illustrative wording). */
export function noSuchApi(): ApiError {
  return gatewayError(404, 'APIG.0101', 'The API does not exist or has not been published in the environment');
}

/** ModelArts.0101 ("invalid parameter", §11.2) naming the offending field. */
export function invalidParameter(field: string, problem: string): ApiError {
  return modelArtsError(400, 'ModelArts.0101', `Invalid parameter ${field}: ${problem}`);
}

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body; undefined when the body was empty. */
  readonly body: unknown;
  readonly account: Account;
  /** Set for routes with a `{project_id}` segment, after the ownership check. */
  readonly project?: ProjectState;
  readonly now: number;
  /** Base URL of the emulator, for links such as a notebook's Jupyter URL. */
  readonly baseUrl: string;
}

export interface ApiResponse {
  readonly status: number;
  /** Serialized as JSON; undefined means an empty body. */
  readonly body?: unknown;
  /** Headers beyond Content-Type and X-Request-Id, e.g. SWR's `Content-Range`. */
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (request: ApiRequest) => ApiResponse;

/** Serves a literal path segment that must not fall back to a `{param}` route: no API is there. */
export const noSuchApiHandler: Handler = () => {
  throw noSuchApi();
};

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

/** The request's project; routes registered with `{project_id}` always have one. */
export function requestProject(request: ApiRequest): ProjectState {
  if (!request.project) {
    throw new Error(`route ${request.path} has no project`);
  }
  return request.project;
}

/** The JSON body as an object, or ModelArts.0101 when it is missing or not an object. */
export function bodyObject(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('body', 'a JSON object is required');
  }
  return body as Record<string, unknown>;
}

/** Reads an optional non-negative integer query parameter. */
export function queryInt(query: URLSearchParams, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(name, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
