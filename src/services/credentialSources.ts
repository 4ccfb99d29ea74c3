import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { LocalErrorCode, ModelArtsError } from './errors';
import { isValidRegionId } from './endpoints';
import type { Credentials } from './signedClient';
import * as l10n from '@vscode/l10n';

/** Credentials found outside the extension's own store, with the region they were issued for. */
export interface DetectedCredentials {
  readonly credentials: Credentials;
  readonly region?: string;
}

/**
 * Environment mode: MODELARTS_AK / MODELARTS_SK (+ optional MODELARTS_SECURITY_TOKEN,
 * MODELARTS_PROJECT_ID, MODELARTS_REGION). Returns undefined when AK and SK are absent;
 * a half-set environment is an error, not a silent fallback.
 */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv): DetectedCredentials | undefined {
  const accessKey = env.MODELARTS_AK?.trim();
  const secretKey = env.MODELARTS_SK?.trim();
  if (!accessKey && !secretKey) {
    return undefined;
  }
  if (!accessKey || !secretKey) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('MODELARTS_AK and MODELARTS_SK must both be set'), 'config');
  }
  const region = env.MODELARTS_REGION?.trim() || undefined;
  if (region && !isValidRegionId(region)) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('MODELARTS_REGION "{0}" is not a region id such as cn-north-4', region), 'config');
  }
  const projectId = env.MODELARTS_PROJECT_ID?.trim() || undefined;
  if (projectId && !region) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('MODELARTS_PROJECT_ID needs MODELARTS_REGION: a project id belongs to one region'), 'config');
  }
  return {
    region,
    credentials: {
      accessKey,
      secretKey,
      securityToken: env.MODELARTS_SECURITY_TOKEN?.trim() || undefined,
      knownProject: projectId && region ? { region, projectId } : undefined,
    },
  };
}

export interface NotebookEnvironmentProbe {
  /** Root of the file system to look at; tests point it at a prepared folder. */
  readonly rootDir?: string;
  readonly userName?: string;
  readonly python?: string;
  readonly timeoutMs?: number;
}

/**
 * Signals that the code runs inside a ModelArts notebook. The public docs only say the
 * notebook's preinstalled ModelArts SDK authenticates with an agency by default
 * (API reference §9.3); these signals are the documented layout of a notebook.
 */
export function notebookSignals(probe: NotebookEnvironmentProbe = {}): string[] {
  const root = probe.rootDir ?? '/';
  const signals: string[] = [];
  if ((probe.userName ?? safeUserName()) === 'ma-user') {
    signals.push('user ma-user');
  }
  if (existsSync(join(root, 'home/ma-user/work'))) {
    signals.push('/home/ma-user/work');
  }
  if (existsSync(join(root, 'modelarts'))) {
    signals.push('/modelarts');
  }
  return signals;
}

/** Where a notebook image keeps the preinstalled ModelArts SDK (§9.3). */
const NOTEBOOK_SDK_PATHS = ['modelarts/tools/sdk', 'modelarts/authoring/notebook-conda/envs/jp3/lib/python3.9/site-packages'];

const SESSION_SCRIPT = [
  'import json, sys',
  'sys.path[:0] = [p for p in sys.argv[1:]]',
  'from modelarts.session import Session',
  's = Session()',
  'print(json.dumps({"ak": s.access_key, "sk": s.secret_key, "token": getattr(s, "security_token", None),',
  '  "project_id": getattr(s, "project_id", None), "region": getattr(s, "region_name", None)}))',
].join('\n');

/**
 * Notebook mode: asks the notebook's own ModelArts SDK for its temporary credentials.
 * Returns undefined when no signal says this is a notebook; throws a clear error when
 * it looks like one but the credentials cannot be obtained. The script's output holds
 * secrets and is never logged; only its exit status is reported.
 */
export async function credentialsFromNotebook(probe: NotebookEnvironmentProbe = {}): Promise<DetectedCredentials | undefined> {
  const signals = notebookSignals(probe);
  if (signals.length === 0) {
    return undefined;
  }
  const root = probe.rootDir ?? '/';
  const sdkPaths = NOTEBOOK_SDK_PATHS.map((path) => join(root, path));
  const uncertain = (reason: string): ModelArtsError =>
    new ModelArtsError(
      LocalErrorCode.notebookEnvironment,
      l10n.t('this looks like a ModelArts notebook ({0}) but its credentials could not be read: {1}. Sign in with an access key instead.', signals.join(', '), reason),
      'config',
    );
  // Only a notebook gets this far: elsewhere the extension never loads child_process.
  const { execFile } = await import('node:child_process');
  const stdout = await new Promise<string>((resolve, reject) => {
    // Isolated (-I): neither the current folder nor PYTHONPATH, PYTHONSTARTUP or user site-packages can put a module
    // (a json.py) in front of the script that prints the credentials; the fixed working folder is one more guard.
    const options = { timeout: probe.timeoutMs ?? 15_000, cwd: tmpdir() };
    execFile(probe.python ?? 'python3', ['-I', '-c', SESSION_SCRIPT, ...sdkPaths], options, (error, out) => {
      if (error) {
        reject(uncertain(error.killed ? l10n.t('the ModelArts SDK did not answer in time') : l10n.t('the preinstalled ModelArts SDK could not create a session')));
      } else {
        resolve(out);
      }
    });
  });
  let parsed: { ak?: unknown; sk?: unknown; token?: unknown; project_id?: unknown; region?: unknown };
  try {
    parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '');
  } catch {
    throw uncertain(l10n.t('the ModelArts SDK printed something unexpected'));
  }
  if (typeof parsed.ak !== 'string' || typeof parsed.sk !== 'string' || !parsed.ak || !parsed.sk) {
    throw uncertain(l10n.t('the session has no access key'));
  }
  const region = typeof parsed.region === 'string' && isValidRegionId(parsed.region) ? parsed.region : undefined;
  const projectId = typeof parsed.project_id === 'string' && parsed.project_id ? parsed.project_id : undefined;
  return {
    region,
    credentials: {
      accessKey: parsed.ak,
      secretKey: parsed.sk,
      securityToken: typeof parsed.token === 'string' && parsed.token ? parsed.token : undefined,
      knownProject: region && projectId ? { region, projectId } : undefined,
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
