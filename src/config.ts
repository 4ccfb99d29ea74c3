import * as vscode from 'vscode';
import { type EndpointOverrides, parseEndpointOverrides } from './services/endpoints';

/** The extension's settings, read in one place. */
export interface ExtensionSettings {
  /** Undefined while the user has not set any: then the account's own region is shown. */
  readonly regions: readonly string[] | undefined;
  readonly endpointOverrides: EndpointOverrides;
  readonly endpointProblems: readonly string[];
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  /** How often running resources (which may end, fail or be stopped elsewhere) are refreshed: slower than changing ones. */
  readonly runningPollIntervalMs: number;
  readonly proxyUrl?: string;
}

/** Bounds of the numeric settings, as package.json declares them: a workspace may tune them, never stall or flood. */
const TIMEOUT_SECONDS = { fallback: 30, min: 1, max: 600 };
const POLL_SECONDS = { fallback: 5, min: 1, max: 300 };
const RUNNING_POLL_SECONDS = { fallback: 45, min: 10, max: 3600 };
const OPEN_SIZE_MB = { fallback: 20, min: 1, max: 2048 };

export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('modelarts');
  const { overrides, problems } = parseEndpointOverrides(userValue(config, 'endpointOverrides'));
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
  const regions = userValue(config, 'regions');
  return {
    regions: Array.isArray(regions) ? regions.filter((region): region is string => typeof region === 'string') : undefined,
    endpointOverrides: overrides,
    endpointProblems: problems,
    timeoutMs: seconds(config.get<unknown>('requestTimeoutSeconds'), TIMEOUT_SECONDS) * 1000,
    pollIntervalMs: seconds(config.get<unknown>('pollIntervalSeconds'), POLL_SECONDS) * 1000,
    runningPollIntervalMs: seconds(config.get<unknown>('runningPollIntervalSeconds'), RUNNING_POLL_SECONDS) * 1000,
    proxyUrl: proxy || undefined,
  };
}

/**
 * Where requests go and for which regions is the user's choice alone: a cloned repository's settings must never send
 * signed requests elsewhere. package.json scopes these settings to the user (VS Code then ignores workspace and folder
 * values); reading only the user's value keeps that true whatever the workspace holds.
 */
function userValue(config: vscode.WorkspaceConfiguration, key: 'endpointOverrides' | 'regions'): unknown {
  return config.inspect<unknown>(key)?.globalValue;
}

function seconds(value: unknown, bounds: { fallback: number; min: number; max: number }): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(bounds.max, Math.max(bounds.min, value)) : bounds.fallback;
}

/** Objects larger than this open only by downloading them (setting `modelarts.obs.maxOpenSizeMB`, 1–2048, default 20). */
export function maxOpenBytes(): number {
  const value = vscode.workspace.getConfiguration('modelarts').get<unknown>('obs.maxOpenSizeMB');
  const megabytes = typeof value === 'number' && Number.isFinite(value) ? Math.min(OPEN_SIZE_MB.max, Math.max(OPEN_SIZE_MB.min, value)) : OPEN_SIZE_MB.fallback;
  return megabytes * 1024 * 1024;
}

export async function writeRegions(regions: readonly string[]): Promise<void> {
  await vscode.workspace.getConfiguration('modelarts').update('regions', regions, vscode.ConfigurationTarget.Global);
}

/** Whether a configuration change needs new clients (endpoints, proxy, timeout) rather than just a tree refresh. */
export function affectsClients(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration('modelarts.endpointOverrides') ||
    event.affectsConfiguration('modelarts.requestTimeoutSeconds') ||
    event.affectsConfiguration('http.proxy')
  );
}
