/**
 * A local emulator of Huawei Cloud ModelArts, IAM, SWR, VPC and KPS: one loopback HTTP server
 * that verifies AK/SK signatures and serves the API areas under `areas/`. The OBS stand-in
 * (`obs/`) answers OBS requests on the same port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountRegistry, DEMO_CREDENTIALS } from './accounts';
import { registerBss } from './areas/bss';
import { registerDevServers } from './areas/devServers';
import { registerIam } from './areas/iam';
import { registerKps } from './areas/kps';
import { registerInferV1 } from './areas/inferV1';
import { registerInferV2 } from './areas/inferV2';
import { registerManagement } from './areas/management';
import { registerModels } from './areas/models';
import { registerNotebookCatalog } from './areas/notebookCatalog';
import { registerNotebookChanges } from './areas/notebookChanges';
import { registerNotebookImages } from './areas/notebookImages';
import { registerNotebooks } from './areas/notebooks';
import { registerNotebookStorage } from './areas/notebookStorage';
import { registerPools } from './areas/pools';
import { registerSwr } from './areas/swr';
import { registerTrainingJobs } from './areas/trainingJobs';
import { registerVpc } from './areas/vpc';
import { registerWorkspaces } from './areas/workspaces';
import { GatewayAuth } from './auth';
import { Clock } from './clock';
import { ConformanceChecker } from './contract/conformance';
import { CONTROL_PREFIX, createControlHandler, issueTemporaryCredentials, type TemporaryCredentialsView } from './control';
import { FaultController } from './faults';
import { type Handler, newRequestId } from './http';
import { createObsStandIn, isObsPath, type ObsStandIn } from './obs/service';
import { seedObs } from './obs/seed';
import { handleApiRequest } from './pipeline';
import { recorderFor } from './recorder';
import { RequestLog } from './requestLog';
import { Router } from './router';
import { seedDemo } from './seed';
import { seedScale } from './seedScale';
import { EmulatorState } from './state';

export type { TemporaryCredentialsView } from './control';
export type { FaultRule } from './faults';
export type { LoggedRequest, RequestFilter } from './requestLog';

export interface EmulatorOptions {
  /** 0 = ephemeral (default); the host is always 127.0.0.1. */
  port?: number;
  /** Default 'demo'. */
  seed?: 'demo' | 'empty';
  /** Adds that many training jobs to the demo account's cn-north-4 default workspace. */
  scaleTrainingJobs?: number;
  /** Scale mode: the demo seed plus a big account's lists (SCALE in seedScale.ts: 10,000 training jobs, 1,000 notebooks…). */
  scale?: boolean;
  /** How long each transitional status lasts (default 3000 ms). */
  transitionMs?: number;
  /** Added to every non-control response (default 0). */
  latencyMs?: number;
  /** Appends every API exchange to this file as a JSON line (default: the file `MODELARTS_EMULATOR_RECORD` names). */
  recordFile?: string;
}

/**
 * The `modelarts.endpointOverrides` value that points every service at one emulator: its paths
 * (IAM `/v3/projects`, ModelArts `/v1|v2/{project}/…`, SWR `/v2/manage/…`, VPC `/v1/{project}/vpcs…`,
 * KPS `/v3/{project}/keypairs`, BSS `/v2/bills/…`, OBS `/{bucket}/{key}`) do not collide, so one server serves them all.
 */
export function endpointOverridesFor(url: string): Record<'iam' | 'modelarts' | 'swr' | 'vpc' | 'kms' | 'obs' | 'bss' | 'bssintl', string> {
  return { iam: url, modelarts: url, swr: url, vpc: url, kms: url, obs: url, bss: url, bssintl: url };
}

export interface Emulator {
  /** e.g. http://127.0.0.1:43123 — one base URL serves IAM, ModelArts, SWR, VPC and KPS. */
  readonly url: string;
  readonly demo: { ak: string; sk: string; domainId: string };
  /** Registers an account (fresh, empty projects); re-registering an AK changes its SK. Its domain id owns its OBS buckets. */
  addAccount(ak: string, sk: string): { readonly domainId: string };
  /** Temporary AK/SK + security token of an account (the demo one by default), valid for `ttlMs` on the emulator clock. */
  issueTemporaryCredentials(ttlMs: number, ak?: string): TemporaryCredentialsView;
  /** The IAM project id of (account, region); the default account is the demo one. */
  projectId(region: string, ak?: string): string;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  readonly state: EmulatorState;
  /** Statuses and lockouts follow this clock; `clock.advance(ms)` instead of sleeping. */
  readonly clock: Clock;
  /** The OBS stand-in: its buckets, faults and request log. */
  readonly obs: Omit<ObsStandIn, 'handle'>;
  close(): Promise<void>;
}

/** The routes of every emulated API but OBS. */
export function apiRouter(accounts: AccountRegistry, state: EmulatorState): Router<Handler> {
  const router = new Router<Handler>();
  registerIam(router, accounts);
  registerWorkspaces(router);
  registerManagement(router, state);
  registerNotebookCatalog(router);
  registerNotebooks(router);
  registerNotebookChanges(router);
  registerNotebookImages(router);
  registerNotebookStorage(router);
  registerTrainingJobs(router);
  registerPools(router);
  registerDevServers(router);
  registerSwr(router);
  registerVpc(router);
  registerKps(router);
  registerInferV1(router);
  registerInferV2(router);
  registerModels(router);
  registerBss(router, state);
  return router;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new Clock();
  const accounts = new AccountRegistry();
  const demoAccount = accounts.add(DEMO_CREDENTIALS.ak, DEMO_CREDENTIALS.sk, 'modelarts-demo');
  const state = new EmulatorState(accounts, clock, options.transitionMs ?? 3000);
  const faults = new FaultController(options.latencyMs ?? 0);
  const requests = new RequestLog();
  const router = apiRouter(accounts, state);
  const record = recorderFor(options.recordFile);
  const obs = createObsStandIn(accounts, clock, record, () => faults.latencyMs);
  if ((options.seed ?? 'demo') === 'demo') {
    seedDemo(state, demoAccount.ak, { scaleTrainingJobs: options.scaleTrainingJobs });
    seedObs(obs.store, demoAccount.domainId);
    if (options.scale) {
      seedScale(state, demoAccount.ak, obs.store, demoAccount.domainId);
    }
  }

  let url = '';
  const baseUrl = (): string => url;
  const pipeline = { auth: new GatewayAuth(accounts, clock), router, state, faults, requests, record, conformance: new ConformanceChecker(), baseUrl };
  const control = createControlHandler({ accounts, state, faults, requests, obsRequests: obs.requests, baseUrl });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = newRequestId();
    res.setHeader('X-Request-Id', requestId);
    const path = req.url ?? '/';
    const handling = path.startsWith(CONTROL_PREFIX)
      ? control(req, res)
      : isObsPath(path)
        ? obs.handle(req, res, requestId)
        : handleApiRequest(pipeline, req, res, requestId);
    handling.catch((error: unknown) => {
      console.error('emulator: failed to answer', error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    demo: { ak: demoAccount.ak, sk: demoAccount.sk, domainId: demoAccount.domainId },
    addAccount: (ak, sk) => ({ domainId: accounts.add(ak, sk).domainId }),
    issueTemporaryCredentials: (ttlMs, ak = demoAccount.ak) => issueTemporaryCredentials(accounts, clock, ak, ttlMs),
    projectId: (region, ak = demoAccount.ak) => {
      const account = accounts.get(ak);
      const ref = account && accounts.projectOf(account, region);
      if (!ref) {
        throw new Error(`no project for ${ak} in ${region}`);
      }
      return ref.projectId;
    },
    faults,
    requests,
    state,
    clock,
    obs: { store: obs.store, faults: obs.faults, requests: obs.requests, peakConcurrency: obs.peakConcurrency, resetPeak: obs.resetPeak },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Timeout faults hold connections open on purpose; end them too.
        server.closeAllConnections();
      }),
  };
}
