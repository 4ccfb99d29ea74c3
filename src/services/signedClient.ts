import type { HcClient, HttpRequestOptions } from '@huaweicloud/huaweicloud-sdk-core/HcClient';
import type { AxiosRequestConfig, AxiosResponseHeaders } from 'axios';
import * as l10n from '@vscode/l10n';
import { loadCoreSdk } from './coreSdk';
import { cancelledError, LocalErrorCode, ModelArtsError } from './errors';
import { type AuthWatch, withSessionSignal } from './sessionSignal';
import { endpointFor, type EndpointOverrides, isLoopbackHost, type ServiceName } from './endpoints';
import { type ServiceLogger, silentLogger } from './logger';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from './retry';
import { Redactor } from './secrets';

export interface Credentials {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
  /** A project id already known for one region (environment and notebook modes); other regions are looked up. */
  readonly knownProject?: { readonly region: string; readonly projectId: string };
  /** Project ids a profile was given per region; other regions are looked up. */
  readonly projectIds?: Readonly<Record<string, string>>;
}

export interface SignedClientOptions {
  readonly credentials: Credentials;
  readonly endpointOverrides?: EndpointOverrides;
  readonly proxyUrl?: string;
  readonly timeoutMs?: number;
  readonly retryPolicy?: RetryPolicy;
  readonly userAgent: string;
  readonly logger?: ServiceLogger;
  /** Aborted when the account these credentials belong to is no longer the one in use: every request stops. */
  readonly sessionSignal?: AbortSignal;
  readonly authWatch?: AuthWatch;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  readonly service: ServiceName;
  readonly region: string;
  readonly method: HttpMethod;
  /** Path template; `{project_id}` is filled by the client, other `{name}`s from pathParams. */
  readonly path: string;
  readonly pathParams?: Record<string, string>;
  readonly query?: Record<string, QueryValue>;
  readonly body?: object;
  readonly contentType?: string;
  /** Whether sending the request twice is harmless; defaults to true for GET, PUT and DELETE. */
  readonly idempotent?: boolean;
  /**
   * The path has no project, but the region's project id goes along as `X-Project-Id`, as the SDK's
   * project-level clients send it (SWR).
   */
  readonly projectScoped?: boolean;
  /** Response headers the caller reads; the SDK copies them onto the body (e.g. SWR's `Content-Range`). */
  readonly responseHeaders?: readonly string[];
  readonly signal?: AbortSignal;
}

/** The SDK forwards a per-request axios config and response header names, but its public type does not declare them. */
interface CoreRequestOptions extends HttpRequestOptions {
  axiosRequestConfig?: AxiosRequestConfig;
  responseHeaders?: string[];
}

interface CoreServiceError {
  httpStatusCode?: string | number;
  errorMsg?: string;
  errorCode?: string;
  requestId?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Ids go into the URL unencoded (the signer and the sender must agree), so only URL-safe ids are accepted. */
const URL_SAFE_ID = /^[A-Za-z0-9._~-]+$/;

/** What every client of the account takes from the options: defaults, and a redactor that knows its keys. */
export function clientSettings(options: SignedClientOptions): { redactor: Redactor; logger: ServiceLogger; timeoutMs: number; retryPolicy: RetryPolicy } {
  const { credentials } = options;
  const redactor = new Redactor();
  redactor.add(credentials.accessKey, credentials.secretKey, credentials.securityToken);
  return { redactor, logger: options.logger ?? silentLogger, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY };
}

/**
 * The one request path to Huawei Cloud: every ModelArts, IAM, SWR, VPC and KMS
 * request is signed here by the core SDK, retried here, logged here (without
 * credentials) and turned into a ModelArtsError here.
 */
export class SignedClient {
  private readonly coreClients = new Map<string, HcClient>();
  private readonly projectIds = new Map<string, Promise<string>>();
  private readonly redactor: Redactor;
  private readonly logger: ServiceLogger;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly options: SignedClientOptions) {
    ({ redactor: this.redactor, logger: this.logger, timeoutMs: this.timeoutMs, retryPolicy: this.retryPolicy } = clientSettings(options));
  }

  /** The IAM project id of a region, looked up once per region (never created: §8, sdk-notes). */
  projectId(region: string, signal?: AbortSignal): Promise<string> {
    const { knownProject, projectIds } = this.options.credentials;
    const given = knownProject?.region === region ? knownProject.projectId : projectIds?.[region];
    if (given) {
      return Promise.resolve(given);
    }
    let pending = this.projectIds.get(region);
    if (!pending) {
      pending = this.lookUpProjectId(region, signal);
      this.projectIds.set(region, pending);
      // A failed lookup (wrong key, no network) must not be cached.
      pending.catch(() => this.projectIds.delete(region));
    }
    return pending;
  }

  async request<T>(asked: ApiRequest): Promise<T> {
    const { sessionSignal, authWatch } = this.options;
    const request = { ...asked, signal: withSessionSignal(asked.signal, sessionSignal) };
    try {
      const needsProject = request.projectScoped === true || request.path.includes('{project_id}');
      const projectId = needsProject ? await this.projectId(request.region, request.signal) : undefined;
      const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method);
      const answer = await withRetry(() => this.send<T>(request, projectId), {
        policy: this.retryPolicy,
        idempotent,
        signal: request.signal,
        onRetry: (error, delayMs) =>
          this.logger.warn(`${request.method} ${request.path}: ${error.toDisplayString()}; retrying in ${delayMs} ms`),
      });
      // An answer that arrives after its account was left is dropped: it must not show under another account.
      if (sessionSignal?.aborted) {
        throw cancelledError();
      }
      authWatch?.succeeded();
      return answer;
    } catch (error) {
      if (error instanceof ModelArtsError && error.kind === 'auth' && !sessionSignal?.aborted) {
        authWatch?.failed(error);
      }
      throw error;
    }
  }

  private async lookUpProjectId(region: string, signal?: AbortSignal): Promise<string> {
    const response = await this.request<{ projects?: { id: string; name: string }[] }>({
      service: 'iam',
      region,
      method: 'GET',
      path: '/v3/projects',
      query: { name: region },
      signal,
    });
    const matches = (response.projects ?? []).filter((project) => project.name === region);
    if (matches.length !== 1) {
      throw new ModelArtsError(
        LocalErrorCode.projectNotFound,
        matches.length === 0
          ? l10n.t('no IAM project named "{0}" is visible to this access key', region)
          : l10n.t('several IAM projects are named "{0}"; set the project id explicitly', region),
        'config',
      );
    }
    return matches[0].id;
  }

  private async send<T>(request: ApiRequest, projectId: string | undefined): Promise<T> {
    if (request.signal?.aborted) {
      throw cancelledError();
    }
    const url = fillPath(request.path, request.pathParams ?? {});
    const started = Date.now();
    const core = await this.coreClient(endpointFor(request.service, request.region, this.options.endpointOverrides), projectId);
    const options: CoreRequestOptions = {
      method: request.method,
      url,
      contentType: request.contentType ?? 'application/json',
      headers: {},
      pathParams: projectId ? { project_id: projectId } : {},
      // An undefined query value breaks the signature (sdk-notes): drop it.
      queryParams: definedQuery(request.query),
      data: request.body,
      responseHeaders: request.responseHeaders ? [...request.responseHeaders] : undefined,
      axiosRequestConfig: {
        timeout: this.timeoutMs,
        signal: request.signal,
        transformResponse: parseJsonBody,
        transitional: { clarifyTimeoutError: true },
        // A redirect would re-send the signed request, security token included, wherever its Location points; no
        // API of these services redirects. Without redirects, axios also sends through Node's http directly.
        maxRedirects: 0,
      },
    };
    try {
      const response = await core.sendRequest<Record<string, unknown>>(options);
      if (isNotJson(response)) {
        throw new ModelArtsError(LocalErrorCode.malformed, l10n.t('the service answered with a body that is not valid JSON'), 'malformed', response[NOT_JSON], Number(response.httpStatusCode));
      }
      this.logger.info(`${request.method} ${request.service} ${request.path} ${String(response.httpStatusCode)} (${Date.now() - started} ms)`);
      return stripStatus(response) as T;
    } catch (raw) {
      const error = this.toModelArtsError(raw, request.signal);
      this.logger.error(`${request.method} ${request.service} ${request.path} failed after ${Date.now() - started} ms: ${error.toDisplayString()}`);
      throw error;
    }
  }

  private async coreClient(endpoint: string, projectId: string | undefined): Promise<HcClient> {
    const { ClientBuilder, BasicCredentials } = await loadCoreSdk();
    const key = `${endpoint}|${projectId ?? ''}`;
    let client = this.coreClients.get(key);
    if (!client) {
      const { credentials, proxyUrl, userAgent } = this.options;
      const basic = new BasicCredentials().withAk(credentials.accessKey).withSk(credentials.secretKey);
      if (credentials.securityToken) {
        basic.withSecurityToken(credentials.securityToken);
      }
      if (projectId) {
        basic.withProjectId(projectId);
      }
      // A custom user agent also stops the SDK writing ~/.huaweicloud/application_id (sdk-notes).
      const builder = new ClientBuilder<HcClient>((hc) => hc)
        .withEndpoint(endpoint)
        .withCredential(basic)
        .withOptions({ customUserAgent: userAgent, axiosRequestConfig: { timeout: this.timeoutMs } });
      if (proxyUrl && !isLoopbackHost(new URL(endpoint).hostname)) {
        builder.withProxyAgent(proxyUrl);
      }
      client = builder.build();
      this.coreClients.set(key, client);
    }
    return client;
  }

  private toModelArtsError(raw: unknown, signal: AbortSignal | undefined): ModelArtsError {
    if (raw instanceof ModelArtsError) {
      return raw;
    }
    if (signal?.aborted) {
      return cancelledError();
    }
    const core = (typeof raw === 'object' && raw !== null ? raw : {}) as CoreServiceError;
    const status = core.httpStatusCode === undefined ? undefined : Number(core.httpStatusCode);
    const message = this.redactor.redact(core.errorMsg ?? (raw instanceof Error ? raw.message : String(raw)));
    const requestId = core.requestId;
    if (status === undefined || Number.isNaN(status)) {
      const timedOut = /timeout|ETIMEDOUT|ECONNABORTED/i.test(message);
      return timedOut
        ? new ModelArtsError(LocalErrorCode.timeout, l10n.t('no answer within {0} ms', this.timeoutMs), 'timeout')
        : new ModelArtsError(LocalErrorCode.network, l10n.t('network error: {0}', message), 'network');
    }
    if (status < 300) {
      return new ModelArtsError(LocalErrorCode.malformed, l10n.t('the service answered with a body that is not valid JSON'), 'malformed', requestId, status);
    }
    const code = core.errorCode ?? `HTTP.${status}`;
    const kind = status === 401 || status === 403 ? 'auth' : status === 429 ? 'throttled' : 'service';
    return new ModelArtsError(code, message, kind, requestId, status);
  }
}

/** Marks a body that is not JSON, holding its request id: the SDK would hand back an empty object, as if all were well. */
const NOT_JSON = Symbol('notJson');

interface NotJsonBody {
  readonly [NOT_JSON]: string | undefined;
  readonly httpStatusCode?: unknown;
}

function isNotJson(body: object): body is NotJsonBody {
  return NOT_JSON in body;
}

/** Parses a JSON body; a body that is not JSON becomes the NOT_JSON mark (the SDK reads error bodies from it too). */
function parseJsonBody(data: unknown, headers: AxiosResponseHeaders): unknown {
  if (typeof data !== 'string' || data === '') {
    return data;
  }
  try {
    return JSON.parse(data);
  } catch {
    const requestId = headers['x-request-id'];
    return { [NOT_JSON]: typeof requestId === 'string' ? requestId : undefined };
  }
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (name === 'project_id') {
      return placeholder;
    }
    const value = params[name];
    if (value === undefined || !URL_SAFE_ID.test(value)) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('"{0}" is not a valid {1}', value ?? '', name), 'config');
    }
    return value;
  });
}

function definedQuery(query: Record<string, QueryValue> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      result[key] = String(value);
    }
  }
  return result;
}

/** The SDK adds httpStatusCode to every body; callers want the body as the API documents it. */
function stripStatus(response: Record<string, unknown>): unknown {
  if (Array.isArray(response)) {
    return response;
  }
  const { httpStatusCode: _status, ...body } = response;
  return body;
}
