/**
 * A local stand-in for OBS, served by the emulator's server on the same port: OBS requests are path
 * style (`/`, `/{bucket}`, `/{bucket}/{key}`, as esdk-obs-nodejs sends them to an IP endpoint), and a
 * bucket name has at least 3 characters, so they never collide with `/v1`, `/v2`, `/v3` or the
 * control routes. Every request's OBS/v2 signature is checked against the emulator's accounts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountRegistry } from '../accounts';
import type { Clock } from '../clock';
import { parseUrl } from '../pipeline';
import type { Recorder } from '../recorder';
import { RequestLog } from '../requestLog';
import { faultCode, newObsFaults, type ObsFaultRule, type ObsFaults } from './faults';
import { errorDocument, handleObsOperation, ObsError, type ObsResponse } from './operations';
import { headerPrefix, type ObsAuthorization, parseObsAuthorization, signatureMatches } from './signature';
import { ObsStore } from './store';

/** OBS refuses a request whose date is further than this from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const MODELARTS_PATH = /^\/(v1|v2|v3)(\/|$)/;

export interface ObsStandIn {
  readonly store: ObsStore;
  readonly faults: ObsFaults;
  /** OBS requests only (the ModelArts emulator keeps its own log); bodies are logged for bucket-level and POST requests. */
  readonly requests: RequestLog;
  /** The most requests it was answering at once since the last `resetPeak()`, to check clients' concurrency. */
  peakConcurrency(): number;
  resetPeak(): void;
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
}

/** Whether a request on the emulator's port is for OBS rather than ModelArts, IAM, SWR, VPC or KPS. */
export function isObsPath(path: string): boolean {
  return !MODELARTS_PATH.test(path);
}

/**
 * `record` gets XML request and answer documents; object contents are recorded as null. `latencyMs` (the
 * emulator's injected round-trip latency, read per request) delays each answer, as it delays the API's.
 */
export function createObsStandIn(accounts: AccountRegistry, clock: Clock, record: Recorder | undefined, latencyMs: () => number = () => 0): ObsStandIn {
  const store = new ObsStore(() => clock.now());
  const faults = newObsFaults();
  const requests = new RequestLog();
  let inFlight = 0;
  let peak = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      await answer(req, res, requestId);
    } finally {
      inFlight--;
    }
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = parseUrl(req.url ?? '/');
    const headers = lowerCaseHeaders(req);
    const authorization = parseObsAuthorization(headers.authorization);
    const prefix = headerPrefix(authorization?.scheme ?? 'OBS');
    const fault = faults.take(method, url.path);
    const [bucketName, key] = splitPath(url.path);
    const query = Object.fromEntries(url.query);
    const log = (status: number, body?: Buffer, response?: ObsResponse): void => {
      const document = body && body.length > 0 && (key === undefined || method === 'POST') ? body.toString('utf8') : undefined;
      requests.add({ method, path: url.path, query, body: document, status, ak: authorization?.accessKey, range: headers.range, requestId, fault: fault?.kind, at: clock.now() });
      if (status > 0) {
        const answer = typeof response?.body === 'string' ? response.body : null;
        record?.({ method, path: url.path, query, body: document ?? null, status, response: answer, ...(fault ? { fault: fault.kind } : {}) });
      }
    };

    const body = await readBody(req, fault);
    if (body === undefined) {
      log(0);
      return;
    }
    let response: ObsResponse;
    try {
      if (fault?.kind === 'status') {
        throw new ObsError(fault.status, fault.code ?? faultCode(fault.status), fault.message ?? 'Injected fault.');
      }
      if (method === 'HEAD' && url.path === '/' && url.query.has('apiversion')) {
        // Signature negotiation (§10.2): this stand-in speaks the OBS signature.
        response = { status: 200, headers: { 'x-obs-api': '3.0' } };
      } else {
        const owner = authenticate(accounts, authorization, { method, path: url.path, rawQuery: url.rawQuery, headers }, prefix);
        response = handleObsOperation(store, { method, bucketName: decodePart(bucketName), key: decodePart(key), query: url.query, headers, body, owner, prefix });
      }
    } catch (error) {
      response = errorResponse(error, requestId, prefix, method === 'HEAD');
    }
    const latency = latencyMs();
    if (latency > 0) {
      await new Promise((resolve) => setTimeout(resolve, latency));
    }
    const completed = await send(res, { ...response, headers: { ...response.headers, [`${prefix}request-id`]: requestId } }, method === 'HEAD', fault);
    log(completed ? response.status : 0, body, response);
  };
  return { store, faults, requests, handle, peakConcurrency: () => peak, resetPeak: () => void (peak = inFlight) };
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : value]));
}

/** `/bucket/some/key` → the raw (still %-encoded) bucket and key; either is undefined when absent. */
function splitPath(path: string): [string | undefined, string | undefined] {
  const rest = path.slice(1);
  if (rest === '') return [undefined, undefined];
  const slash = rest.indexOf('/');
  if (slash < 0) return [rest, undefined];
  const key = rest.slice(slash + 1);
  return [rest.slice(0, slash), key === '' ? undefined : key];
}

function decodePart(part: string | undefined): string | undefined {
  if (part === undefined) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ObsError(400, 'InvalidURI', 'Could not parse the specified URI.');
  }
}

function authenticate(
  accounts: AccountRegistry,
  authorization: ObsAuthorization | undefined,
  request: { method: string; path: string; rawQuery: string; headers: Record<string, string | undefined> },
  prefix: string,
): string {
  if (!authorization) throw new ObsError(403, 'AccessDenied', 'Anonymous access is not allowed.');
  const account = accounts.get(authorization.accessKey);
  if (!account) throw new ObsError(403, 'InvalidAccessKeyId', 'The access key Id you provided does not exist in our records.');
  if (!signatureMatches(request, authorization, account.sk)) {
    throw new ObsError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  // Clients sign with their own clocks, so the real time is compared, not the emulator clock.
  const date = Date.parse(request.headers[`${prefix}date`] ?? request.headers.date ?? '');
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > MAX_CLOCK_SKEW_MS) {
    throw new ObsError(403, 'RequestTimeTooSkewed', 'The difference between the request time and the server\'s time is too large.');
  }
  return account.domainId;
}

function errorResponse(error: unknown, requestId: string, prefix: string, head: boolean): ObsResponse {
  if (!(error instanceof ObsError)) {
    console.error('OBS stand-in: unexpected error', error);
  }
  const obsError = error instanceof ObsError ? error : new ObsError(500, 'InternalError', 'We encountered an internal error. Please try again.');
  // A HEAD answer has no body: the code travels in headers only, as OBS sends it.
  const body = head ? undefined : errorDocument(obsError, requestId);
  return { status: obsError.status, headers: { 'Content-Type': 'application/xml', [`${prefix}error-code`]: obsError.code, [`${prefix}error-message`]: obsError.message }, body };
}

/** The request body, read at the pace of a `slow` fault; undefined when a `reset` fault cut it (or the client went away). */
function readBody(req: IncomingMessage, fault: ObsFaultRule | undefined): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined;
  const resetAt = fault?.kind === 'reset' && hasBody ? (fault.afterBytes ?? Math.max(1, Math.floor(declared / 2))) : Infinity;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= resetAt) {
        req.socket.resetAndDestroy();
        resolve(undefined);
      } else if (fault?.kind === 'slow') {
        req.pause();
        setTimeout(() => req.resume(), (chunk.length / fault.bytesPerSecond) * 1000);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(undefined));
    req.on('close', () => {
      if (!req.complete) resolve(undefined);
    });
  });
}

/** Writes the answer, its body at the pace of a `slow` fault or cut by a `reset` fault; false when the body did not go out whole. */
async function send(res: ServerResponse, response: ObsResponse, head: boolean, fault: ObsFaultRule | undefined): Promise<boolean> {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : (response.body ?? Buffer.alloc(0));
  if (fault?.kind === 'reset' && (head || body.length === 0)) {
    res.socket?.resetAndDestroy();
    return false;
  }
  res.writeHead(response.status, { ...(head ? {} : { 'Content-Length': String(body.length) }), ...response.headers });
  const throttled = fault?.kind === 'slow' || fault?.kind === 'reset';
  if (head || !throttled) {
    res.end(head ? undefined : body);
    return true;
  }
  const resetAt = fault.kind === 'reset' ? (fault.afterBytes ?? Math.floor(body.length / 2)) : Infinity;
  // A slow body goes out in about 20 slices a second.
  const sliceBytes = fault.kind === 'slow' ? Math.max(1, Math.floor(fault.bytesPerSecond / 20)) : body.length;
  for (let offset = 0; offset < body.length; ) {
    const end = Math.min(offset + sliceBytes, body.length, resetAt);
    await new Promise<void>((resolve) => res.write(body.subarray(offset, end), () => resolve()));
    if (end >= resetAt) {
      // Closed rather than reset, so what was sent arrives: the client sees the body end short.
      res.socket?.destroy();
      return false;
    }
    if (fault.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, ((end - offset) / fault.bytesPerSecond) * 1000));
    if (res.destroyed) return false;
    offset = end;
  }
  res.end();
  return true;
}
