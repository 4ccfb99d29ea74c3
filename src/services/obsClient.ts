/**
 * The one request path to OBS: esdk-obs-nodejs signs and sends, one client per region; every call
 * here is retried, cancellable, logged (without credentials) and turned into a ModelArtsError, whether
 * the SDK resolves with `Status >= 300` or rejects (sdk-notes).
 */
import * as l10n from '@vscode/l10n';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type ObsClient from 'esdk-obs-nodejs';
import createHttpsProxyAgent, { type HttpsProxyAgent } from 'https-proxy-agent';
import { endpointFor, isLoopbackHost } from './endpoints';
import { cancelledError, LocalErrorCode, ModelArtsError } from './errors';
import type { ServiceLogger } from './logger';
import { type RetryPolicy, withRetry } from './retry';
import type { Redactor } from './secrets';
import { withSessionSignal } from './sessionSignal';
import { clientSettings, type SignedClientOptions } from './signedClient';

/** Connections kept open per region: enough for the transfers' concurrency and the tree's listings. */
const MAX_SOCKETS = 16;

export interface ObsCall {
  readonly region: string;
  /** For the log: `GET bucket/key`. */
  readonly what: string;
  /** Whether sending it twice is harmless (reads, PUTs of whole objects or parts, deletes). */
  readonly idempotent: boolean;
  readonly signal?: AbortSignal;
}

type Operation<T> = (client: ObsClient, hooks: ObsClient.RequestHooks) => Promise<ObsClient.Result<T>>;

export class ObsClients {
  private readonly clients = new Map<string, Promise<ObsClient>>();
  private readonly redactor: Redactor;
  private readonly logger: ServiceLogger;
  private readonly timeoutMs: number;
  /** Also what a download that breaks off follows to resume. */
  readonly retryPolicy: RetryPolicy;
  // The SDK opens a connection per request unless given agents; these keep them open between requests.
  private agents: Promise<{ readonly http: HttpAgent; readonly https: HttpsAgent }> | undefined;
  /** VS Code's `http.proxy`, as the signed client takes it: a CONNECT tunnel to OBS over http and https alike. */
  private proxyAgent: HttpsProxyAgent | undefined;

  constructor(private readonly options: SignedClientOptions) {
    ({ redactor: this.redactor, logger: this.logger, timeoutMs: this.timeoutMs, retryPolicy: this.retryPolicy } = clientSettings(options));
  }

  /** The answer of one OBS operation; HTTP errors, network errors and cancellation all throw a ModelArtsError. */
  call<T>(asked: ObsCall, operation: Operation<T>): Promise<T> {
    // The account's session signal stops its calls too (see SignedClient.request).
    const call = { ...asked, signal: withSessionSignal(asked.signal, this.options.sessionSignal) };
    return withRetry(() => this.callOnce(call, operation), {
      policy: this.retryPolicy,
      idempotent: call.idempotent,
      signal: call.signal,
      onRetry: (error, delayMs) => this.logger.warn(`${call.what}: ${error.toDisplayString()}; retrying in ${delayMs} ms`),
    });
  }

  /** A failure while reading a body the SDK handed over (a download cut short), as a ModelArtsError. */
  toError(raw: unknown, signal: AbortSignal | undefined): ModelArtsError {
    if (raw instanceof ModelArtsError) {
      return raw;
    }
    if (signal?.aborted) {
      return cancelledError();
    }
    const message = this.redactor.redact(raw instanceof Error ? raw.message : String(raw));
    return /timed? ?out|ETIMEDOUT/i.test(message)
      ? new ModelArtsError(LocalErrorCode.timeout, l10n.t('no answer within {0} ms', this.timeoutMs), 'timeout')
      : new ModelArtsError(LocalErrorCode.network, l10n.t('network error: {0}', message), 'network');
  }

  private async callOnce<T>(call: ObsCall, operation: Operation<T>): Promise<T> {
    const { signal } = call;
    if (signal?.aborted) {
      throw cancelledError();
    }
    const client = await this.client(call.region);
    const started = Date.now();
    let detach = (): void => undefined;
    const hooks: ObsClient.RequestHooks = {
      RequestHook: (request) => {
        const abort = (): void => void request.destroy();
        if (signal?.aborted) {
          abort();
        } else if (signal) {
          signal.addEventListener('abort', abort, { once: true });
          detach = () => signal.removeEventListener('abort', abort);
        }
      },
    };
    try {
      const result = await operation(client, hooks);
      const { CommonMsg: answer } = result;
      if (answer.Status >= 300) {
        throw this.statusError(answer);
      }
      this.logger.info(`${call.what} ${answer.Status} (${Date.now() - started} ms)`);
      return result.InterfaceResult as T;
    } catch (raw) {
      const error = this.toError(raw, signal);
      this.logger.error(`${call.what} failed after ${Date.now() - started} ms: ${error.toDisplayString()}`);
      throw error;
    } finally {
      detach();
    }
  }

  private statusError(answer: ObsClient.CommonMsg): ModelArtsError {
    const status = answer.Status;
    const code = answer.Code || `HTTP.${status}`;
    // OBS asks clients to slow down with 503 SlowDown, as S3 does.
    const kind = status === 401 || status === 403 ? 'auth' : status === 429 || code === 'SlowDown' ? 'throttled' : 'service';
    const message = this.redactor.redact(answer.Message || `OBS answered HTTP ${status}`);
    return new ModelArtsError(code, message, kind, answer.RequestId || undefined, status);
  }

  private client(region: string): Promise<ObsClient> {
    let pending = this.clients.get(region);
    if (!pending) {
      pending = this.createClient(region);
      this.clients.set(region, pending);
    }
    return pending;
  }

  private async createClient(region: string): Promise<ObsClient> {
    const { credentials, endpointOverrides, proxyUrl, userAgent } = this.options;
    const server = endpointFor('obs', region, endpointOverrides);
    // As for the signed client, a loopback endpoint (an emulator) is reached directly. The SDK reads no proxy
    // setting or variable of its own; it sends through the agents it is given (sdk-notes).
    const proxied = proxyUrl !== undefined && !isLoopbackHost(new URL(server).hostname);
    if (proxied) {
      this.proxyAgent ??= createHttpsProxyAgent(proxyUrl);
    }
    // The OBS SDK loads at the first OBS call: most sessions never make one.
    const { default: ObsSdk } = await import('esdk-obs-nodejs');
    const agents = await (this.agents ??= keepAliveAgents());
    const client = new ObsSdk({
      access_key_id: credentials.accessKey,
      secret_access_key: credentials.secretKey,
      security_token: credentials.securityToken,
      server,
      // The SDK does not check certificates unless told to (sdk-notes).
      ssl_verify: server.startsWith('https:'),
      // Retries are this class's, with backoff and only where safe; the SDK would repeat any failure at once.
      max_retry_count: 0,
      timeout: Math.ceil(this.timeoutMs / 1000),
      user_agent: userAgent,
      http_agent: proxied ? this.proxyAgent : agents.http,
      https_agent: proxied ? this.proxyAgent : agents.https,
    });
    // The SDK never logs unless initLog is called, which this product never does. Its constructor starts an
    // asynchronous set-up it does not wait for: a call in the same tick would fail (sdk-notes).
    await new Promise((resolve) => setImmediate(resolve));
    return client;
  }
}

/** Node's http and https modules load with the first OBS client, not with the extension. */
async function keepAliveAgents(): Promise<{ http: HttpAgent; https: HttpsAgent }> {
  const [http, https] = await Promise.all([import('node:http'), import('node:https')]);
  return { http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }), https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }) };
}
