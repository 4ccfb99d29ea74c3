/**
 * The path of one emulated-cloud request: fault injection, body, gateway auth,
 * routing, project checks, handler, latency, response and request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayAuth } from './auth';
import type { ConformanceChecker } from './contract/conformance';
import { enforceContract } from './contract/enforce';
import { type FaultController, faultErrorBody, type FaultRule } from './faults';
import { ApiError, type ApiResponse, gatewayError, type Handler, modelArtsError, noSuchApi } from './http';
import { INTENT_HEADER, type Recorder, recordedBody } from './recorder';
import type { RequestLog } from './requestLog';
import type { Router } from './router';
import { parseAuthorization } from './signature';
import type { EmulatorState, ProjectState } from './state';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Cut-off JSON for the `malformed` fault: valid start, no end. */
const MALFORMED_BODY = '{"current":0,"data":[{"id":"';

export interface PipelineContext {
  readonly auth: GatewayAuth;
  readonly router: Router<Handler>;
  readonly state: EmulatorState;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  readonly record: Recorder | undefined;
  readonly conformance: ConformanceChecker;
  readonly baseUrl: () => string;
}

export interface ParsedUrl {
  readonly path: string;
  readonly rawQuery: string;
  readonly query: URLSearchParams;
}

export function parseUrl(rawUrl: string): ParsedUrl {
  const questionMark = rawUrl.indexOf('?');
  const path = questionMark < 0 ? rawUrl : rawUrl.slice(0, questionMark);
  const rawQuery = questionMark < 0 ? '' : rawUrl.slice(questionMark + 1);
  return { path, rawQuery, query: new URLSearchParams(rawQuery) };
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Illustrative code and text for an oversized body.
        reject(gatewayError(413, 'APIG.0201', 'Request entity too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleApiRequest(ctx: PipelineContext, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const method = req.method ?? 'GET';
  const url = parseUrl(req.url ?? '/');
  const ak = parseAuthorization(headerString(req, 'authorization'))?.access;
  // Filled once the body is read, so the log can tell apart POSTs that differ only in their body.
  const received: { body?: string } = {};
  const query = Object.fromEntries(url.query);
  const log = (status: number, fault?: FaultRule['kind'], response?: string): void => {
    ctx.requests.add({ method, path: url.path, query, body: received.body, status, ak, requestId, fault, at: ctx.state.clock.now() });
    if (status > 0) {
      const intent = headerString(req, INTENT_HEADER);
      ctx.record?.({ method, path: url.path, query, body: recordedBody(received.body), status, response: recordedBody(response), ...(intent ? { intent } : {}), ...(fault ? { fault } : {}) });
    }
  };

  const fault = ctx.faults.take(method, url.path);
  if (fault?.kind === 'timeout') {
    log(0, 'timeout');
    return;
  }
  if (fault?.kind === 'reset') {
    log(0, 'reset');
    req.socket.resetAndDestroy();
    return;
  }
  const latency = ctx.faults.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0);
  let status: number;
  let payload: string;
  let headers: Readonly<Record<string, string>> = {};
  if (fault?.kind === 'malformed') {
    status = 200;
    payload = MALFORMED_BODY;
  } else if (fault?.kind === 'status') {
    const body = faultErrorBody(fault);
    status = fault.status;
    payload = JSON.stringify(body.error_code.startsWith('APIG.') ? { ...body, request_id: requestId } : body);
  } else {
    const response = await respond(ctx, req, method, url, requestId, received);
    status = response.status;
    payload = response.body === undefined ? '' : JSON.stringify(response.body);
    headers = response.headers ?? {};
  }
  if (latency > 0) {
    await sleep(latency);
  }
  res.writeHead(status, { ...(payload ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}), ...headers });
  res.end(payload);
  log(status, fault?.kind, payload);
}

async function respond(ctx: PipelineContext, req: IncomingMessage, method: string, url: ParsedUrl, requestId: string, received: { body?: string }): Promise<ApiResponse> {
  try {
    return await route(ctx, req, method, url, received);
  } catch (error) {
    if (error instanceof ApiError) {
      return { status: error.status, body: error.fromGateway ? { ...error.body, request_id: requestId } : error.body };
    }
    console.error('emulator: unexpected error', error);
    // Illustrative: the code ModelArts uses for internal errors is not documented.
    return { status: 500, body: { error_code: 'ModelArts.0001', error_msg: 'Internal server error.' } };
  }
}

async function route(ctx: PipelineContext, req: IncomingMessage, method: string, url: ParsedUrl, received: { body?: string }): Promise<ApiResponse> {
  const rawBody = await readBody(req);
  received.body = rawBody.length > 0 ? rawBody.toString('utf8') : undefined;
  const headers = Object.fromEntries(Object.keys(req.headers).map((name) => [name, headerString(req, name)]));
  const account = ctx.auth.authenticate({ method, path: url.path, query: url.rawQuery, headers, body: rawBody });
  const match = ctx.router.match(method, url.path);
  if (!match) {
    throw noSuchApi();
  }
  const headerProjectId = headerString(req, 'x-project-id');
  // Paths without a project (SWR's) are scoped by X-Project-Id, which the SDK's project-level clients send.
  const projectId = match.params.project_id ?? headerProjectId;
  let project: ProjectState | undefined;
  if (projectId !== undefined) {
    if (headerProjectId !== undefined && headerProjectId !== projectId) {
      // Illustrative code: a mismatch is reported as an invalid parameter.
      throw modelArtsError(400, 'ModelArts.0101', `X-Project-Id ${headerProjectId} does not match the project ${projectId} in the path.`);
    }
    project = ctx.state.project(projectId);
    if (!project || project.ref.account !== account) {
      // Illustrative code and text: the gateway refuses projects outside the signing account.
      throw gatewayError(403, 'APIG.0302', `The project ${projectId} does not belong to the authenticated account.`);
    }
  }
  let body: unknown;
  if (rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw modelArtsError(400, 'ModelArts.0101', 'The request body is not valid JSON.');
    }
  }
  enforceContract(ctx.conformance, method, url.path, url.query, body);
  return match.handler({
    method,
    path: url.path,
    params: match.params,
    query: url.query,
    body,
    account,
    project,
    now: ctx.state.clock.now(),
    baseUrl: ctx.baseUrl(),
  });
}

function headerString(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
