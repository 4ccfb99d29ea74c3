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
  readonly proxyUrl?: string;
}

export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('modelarts');
  const { overrides, problems } = parseEndpointOverrides(config.get<unknown>('endpointOverrides'));
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
  const regions = config.inspect<string[]>('regions');
  return {
    regions: regions?.workspaceFolderValue ?? regions?.workspaceValue ?? regions?.globalValue,
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
