/**
 * Unsigned control routes under `/__emulator/` for tests running in another
 * process (e.g. a VS Code extension host). Never faulted, delayed or logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AccountRegistry, PROJECT_REGIONS } from './accounts';
import type { Clock } from './clock';
import { DEV_SERVER_STATUSES } from './areas/devServerModel';
import { serverView } from './areas/devServerView';
import { notebookView } from './areas/notebookView';
import { NODE_PHASES, POOL_PHASES } from './areas/poolModel';
import { nodeView, poolView } from './areas/poolView';
import { setLogRate, setScriptedLog } from './areas/trainingLogs';
import { trainingJobView } from './areas/trainingView';
import type { FaultController, FaultRule } from './faults';
import { isRecord } from './http';
import { parseUrl, readBody } from './pipeline';
import type { RequestLog } from './requestLog';
import { Router } from './router';
import { type EmulatorState, NOTEBOOK_STATUSES, TRAINING_PHASES } from './state';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlContext {
  readonly accounts: AccountRegistry;
  readonly state: EmulatorState;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  /** The OBS stand-in's own request log. */
  readonly obsRequests: RequestLog;
  readonly baseUrl: () => string;
}

interface ControlRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
}

type ControlResult = { readonly status: number; readonly json?: unknown; readonly html?: string };
type ControlHandler = (request: ControlRequest) => ControlResult;

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const noContent: ControlResult = { status: 204 };

export function createControlHandler(ctx: ControlContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const router = controlRoutes(ctx);
  return async (req, res) => {
    const url = parseUrl(req.url ?? '/');
    let result: ControlResult;
    try {
      const match = router.match(req.method ?? 'GET', url.path);
      if (!match) {
        throw new ControlError(404, `no control route ${req.method} ${url.path}`);
      }
      const raw = (await readBody(req)).toString('utf8');
      const body: unknown = raw ? JSON.parse(raw) : {};
      if (!isRecord(body)) {
        throw new ControlError(400, 'body must be a JSON object');
      }
      result = match.handler({ params: match.params, query: url.query, body });
    } catch (error) {
      const status = error instanceof ControlError ? error.status : 400;
      result = { status, json: { error: error instanceof Error ? error.message : String(error) } };
    }
    if (result.html !== undefined) {
      res.writeHead(result.status, { 'Content-Type': 'text/html;charset=UTF-8' }).end(result.html);
    } else if (result.json !== undefined) {
      res.writeHead(result.status, { 'Content-Type': 'application/json;charset=UTF-8' }).end(JSON.stringify(result.json));
    } else {
      res.writeHead(result.status).end();
    }
  };
}

function controlRoutes(ctx: ControlContext): Router<ControlHandler> {
  const { state, faults, requests, accounts } = ctx;
  const p = (path: string): string => `${CONTROL_PREFIX}${path}`;
  return new Router<ControlHandler>()
    .add('GET', p('health'), () => ({ status: 200, json: { status: 'ok', url: ctx.baseUrl() } }))
    .add('POST', p('faults'), ({ body }) => {
      faults.add(faultRuleFromJson(body));
      return noContent;
    })
    .add('DELETE', p('faults'), () => {
      faults.clear();
      return noContent;
    })
    .add('PUT', p('latency'), ({ body }) => {
      faults.setLatency(numberField(body, 'ms'));
      return noContent;
    })
    .add('GET', p('requests'), ({ query }) => ({
      status: 200,
      json: {
        requests: requests.list({
          method: query.get('method') ?? undefined,
          path: query.get('path') ?? undefined,
          status: query.has('status') ? Number(query.get('status')) : undefined,
          ak: query.get('ak') ?? undefined,
        }),
      },
    }))
    .add('DELETE', p('requests'), () => {
      requests.clear();
      return noContent;
    })
    .add('GET', p('obs/requests'), () => ({ status: 200, json: { requests: ctx.obsRequests.list() } }))
    .add('DELETE', p('obs/requests'), () => {
      ctx.obsRequests.clear();
      return noContent;
    })
    .add('POST', p('accounts'), ({ body }) => {
      const account = accounts.add(stringField(body, 'ak'), stringField(body, 'sk'));
      const projects = Object.fromEntries(PROJECT_REGIONS.map((region) => [region, accounts.projectOf(account, region)?.projectId]));
      return { status: 201, json: { ak: account.ak, domain_id: account.domainId, projects } };
    })
    .add('POST', p('temporary-credentials'), ({ body }) => ({
      status: 201,
      json: issueTemporaryCredentials(accounts, state.clock, stringField(body, 'ak'), numberField(body, 'ttl_ms')),
    }))
    .add('POST', p('clock'), ({ body }) => {
      state.clock.advance(numberField(body, 'advance_ms'));
      return { status: 200, json: { now: state.clock.now() } };
    })
    .add('GET', p('state/notebooks/{id}'), ({ params }) => notebookResult(ctx, params.id))
    .add('PUT', p('state/notebooks/{id}'), ({ params, body }) => {
      requireFound(state.findNotebook(params.id), 'notebook', params.id);
      state.setNotebookStatus(params.id, enumField(body, 'status', NOTEBOOK_STATUSES));
      return notebookResult(ctx, params.id);
    })
    .add('GET', p('state/training-jobs/{id}'), ({ params }) => trainingJobResult(ctx, params.id))
    .add('PUT', p('state/training-jobs/{id}'), ({ params, body }) => {
      requireFound(state.findTrainingJob(params.id), 'training job', params.id);
      state.setTrainingJobPhase(params.id, enumField(body, 'phase', TRAINING_PHASES));
      return trainingJobResult(ctx, params.id);
    })
    .add('PUT', p('state/training-jobs/{id}/log'), ({ params, body }) => {
      const { job } = requireFound(state.findTrainingJob(params.id), 'training job', params.id);
      if ('bytes_per_second' in body) {
        setLogRate(job, positiveField(body, 'bytes_per_second'), state.clock.now());
      } else {
        setScriptedLog(job, stringListField(body, 'lines'));
      }
      return noContent;
    })
    .add('GET', p('state/pools/{name}'), ({ params }) => poolResult(ctx, params.name))
    .add('PUT', p('state/pools/{name}'), ({ params, body }) => {
      requireFound(state.findPool(params.name), 'pool', params.name);
      state.setPoolPhase(params.name, enumField(body, 'phase', POOL_PHASES));
      return poolResult(ctx, params.name);
    })
    .add('GET', p('state/pools/{name}/nodes/{node}'), ({ params }) => poolNodeResult(ctx, params.name, params.node))
    .add('PUT', p('state/pools/{name}/nodes/{node}'), ({ params, body }) => {
      poolNodeResult(ctx, params.name, params.node);
      state.setPoolNodePhase(params.name, params.node, enumField(body, 'phase', NODE_PHASES));
      return poolNodeResult(ctx, params.name, params.node);
    })
    .add('GET', p('state/dev-servers/{id}'), ({ params }) => devServerResult(ctx, params.id))
    .add('PUT', p('state/dev-servers/{id}'), ({ params, body }) => {
      requireFound(state.findDevServer(params.id), 'Lite Server', params.id);
      state.setDevServerStatus(params.id, enumField(body, 'status', DEV_SERVER_STATUSES));
      return devServerResult(ctx, params.id);
    })
    .add('GET', p('jupyter/{id}'), ({ params }) => jupyterPage(ctx, params.id))
    .add('GET', p('jupyter/{id}/lab'), ({ params }) => jupyterPage(ctx, params.id));
}

/** Temporary credentials as the ECS metadata service shows them (modelarts-api.md §9.2). */
export interface TemporaryCredentialsView {
  readonly access: string;
  readonly secret: string;
  readonly securitytoken: string;
  readonly expires_at: string;
}

export function issueTemporaryCredentials(accounts: AccountRegistry, clock: Clock, ak: string, ttlMs: number): TemporaryCredentialsView {
  const owner = requireFound(accounts.get(ak), 'account', ak);
  const issued = accounts.issueTemporary(owner, clock.now() + ttlMs);
  return { access: issued.ak, secret: issued.sk, securitytoken: issued.securityToken, expires_at: new Date(issued.expiresAt).toISOString() };
}

function requireFound<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) {
    throw new ControlError(404, `no ${kind} ${id}`);
  }
  return value;
}

function notebookResult(ctx: ControlContext, id: string): ControlResult {
  const { project, notebook } = requireFound(ctx.state.findNotebook(id), 'notebook', id);
  return { status: 200, json: notebookView(notebook, project, ctx.state.clock.now(), ctx.baseUrl()) };
}

function trainingJobResult(ctx: ControlContext, id: string): ControlResult {
  const { job } = requireFound(ctx.state.findTrainingJob(id), 'training job', id);
  return { status: 200, json: trainingJobView(job, ctx.state.clock.now()) };
}

function poolResult(ctx: ControlContext, name: string): ControlResult {
  const { project, pool } = requireFound(ctx.state.findPool(name), 'pool', name);
  return { status: 200, json: poolView(pool, project, ctx.state.clock.now()) };
}

function poolNodeResult(ctx: ControlContext, poolName: string, nodeName: string): ControlResult {
  const { pool } = requireFound(ctx.state.findPool(poolName), 'pool', poolName);
  const node = requireFound(pool.nodes.get(nodeName), 'node', nodeName);
  return { status: 200, json: nodeView(node, pool, ctx.state.clock.now()) };
}

function devServerResult(ctx: ControlContext, id: string): ControlResult {
  const { project, server } = requireFound(ctx.state.findDevServer(id), 'Lite Server', id);
  return { status: 200, json: serverView(server, project, ctx.state.clock.now()) };
}

function stringField(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') {
    throw new ControlError(400, `${key} must be a non-empty string`);
  }
  return value;
}

function stringListField(body: Record<string, unknown>, key: string): string[] {
  const value = body[key];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new ControlError(400, `${key} must be a list of strings`);
  }
  return value;
}

function enumField<T extends string>(body: Record<string, unknown>, key: string, allowed: readonly T[]): T {
  const value = stringField(body, key);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ControlError(400, `${key} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function numberField(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ControlError(400, `${key} must be a number`);
  }
  return value;
}

function positiveField(body: Record<string, unknown>, key: string): number {
  const value = numberField(body, key);
  if (value <= 0) {
    throw new ControlError(400, `${key} must be more than 0`);
  }
  return value;
}

/** JSON form of a FaultRule: `path` is a substring or `{"regex": "…"}`; `times` may be "Infinity". */
function faultRuleFromJson(body: Record<string, unknown>): FaultRule {
  const match = {
    method: typeof body.method === 'string' ? body.method : undefined,
    path: isRecord(body.path) && typeof body.path.regex === 'string' ? new RegExp(body.path.regex) : typeof body.path === 'string' ? body.path : undefined,
    times: body.times === 'Infinity' ? Infinity : body.times === undefined ? undefined : numberField(body, 'times'),
  };
  switch (body.kind) {
    case 'status':
      return {
        ...match,
        kind: 'status',
        status: numberField(body, 'status'),
        errorCode: typeof body.errorCode === 'string' ? body.errorCode : undefined,
        errorMsg: typeof body.errorMsg === 'string' ? body.errorMsg : undefined,
      };
    case 'latency':
      return { ...match, kind: 'latency', ms: numberField(body, 'ms') };
    case 'timeout':
    case 'reset':
    case 'malformed':
      return { ...match, kind: body.kind };
    default:
      throw new ControlError(400, 'kind must be status, latency, timeout, reset or malformed');
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A stand-in for JupyterLab: enough for "open in browser" flows to land somewhere real. */
function jupyterPage(ctx: ControlContext, id: string): ControlResult {
  const found = ctx.state.findNotebook(id);
  if (!found) {
    return { status: 404, html: '<!doctype html><title>Not found</title><h1>404: notebook not found</h1>' };
  }
  const status = found.notebook.timeline.status(ctx.state.clock.now());
  const name = escapeHtml(found.notebook.name);
  const body = status === 'RUNNING' ? `<p>JupyterLab for <b>${name}</b> (emulated).</p>` : `<p>Notebook <b>${name}</b> is ${status}; start it to use JupyterLab.</p>`;
  return { status: status === 'RUNNING' ? 200 : 503, html: `<!doctype html><title>${name} - JupyterLab</title><h1>${name}</h1>${body}` };
}
