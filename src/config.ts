import * as vscode from 'vscode';
import { type EndpointOverrides, parseEndpointOverrides } from './services/endpoints';

/** The extension's settings, read in one place. */
export interface ExtensionSettings {
  readonly regions: readonly string[];
  readonly endpointOverrides: EndpointOverrides;
  readonly endpointProblems: readonly string[];
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  readonly proxyUrl?: string;
}

export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('modelarts');
  const { overrides, problems } = parseEndpointOverrides(config.get<unknown>('endpointOverrides'));
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
  return {
    regions: config.get<string[]>('regions', []),
    endpointOverrides: overrides,
    endpointProblems: problems,
    timeoutMs: config.get<number>('requestTimeoutSeconds', 30) * 1000,
    pollIntervalMs: config.get<number>('pollIntervalSeconds', 5) * 1000,
    proxyUrl: proxy || undefined,
  };
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
