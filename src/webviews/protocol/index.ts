/**
 * Every message between the extension and its webviews, both ways: one module per
 * browser app, and the unions and the check of what a webview may send here.
 * Imported by the host controllers (src/webviews) and the browser apps (webview/),
 * so neither side can send what the other does not understand. No `vscode` import:
 * this is bundled into the browser apps too.
 */
import { type CommonHostMessage, type CommonWebviewMessage, commonMessageChecks, type MessageChecks } from './common';
import { type DetailsHostMessage, type DetailsWebviewMessage, detailsMessageChecks } from './details';
import { type DevServerHostMessage, type DevServerWebviewMessage, devServerMessageChecks } from './devServerForm';
import { type NotebookHostMessage, type NotebookWebviewMessage, notebookMessageChecks } from './notebookForm';
import { type PoolHostMessage, type PoolWebviewMessage, poolMessageChecks } from './poolForm';
import { type ServiceV1HostMessage, type ServiceV1WebviewMessage, serviceV1MessageChecks } from './serviceV1Form';
import type { TableHostMessage } from './tableDocument';
import { type ServiceV2HostMessage, type ServiceV2WebviewMessage, serviceV2MessageChecks } from './serviceV2Form';
import { type TrainingJobHostMessage, type TrainingJobWebviewMessage, trainingJobMessageChecks } from './trainingJobForm';
import { type WorkspaceHostMessage, type WorkspaceWebviewMessage, workspaceMessageChecks } from './workspaceForm';

export * from './common';
export * from './details';
export * from './devServerForm';
export * from './notebookForm';
export * from './poolForm';
export * from './serviceV1Form';
export * from './serviceV2Form';
export * from './tableDocument';
export * from './trainingJobForm';
export * from './workspaceForm';

export type HostMessage =
  | CommonHostMessage
  | NotebookHostMessage
  | TrainingJobHostMessage
  | PoolHostMessage
  | DevServerHostMessage
  | ServiceV1HostMessage
  | ServiceV2HostMessage
  | WorkspaceHostMessage
  | DetailsHostMessage
  | TableHostMessage;

export type WebviewMessage =
  | CommonWebviewMessage
  | NotebookWebviewMessage
  | TrainingJobWebviewMessage
  | PoolWebviewMessage
  | DevServerWebviewMessage
  | ServiceV1WebviewMessage
  | ServiceV2WebviewMessage
  | WorkspaceWebviewMessage
  | DetailsWebviewMessage;

const webviewMessageChecks: MessageChecks<WebviewMessage> = {
  ...commonMessageChecks,
  ...notebookMessageChecks,
  ...trainingJobMessageChecks,
  ...poolMessageChecks,
  ...devServerMessageChecks,
  ...serviceV1MessageChecks,
  ...serviceV2MessageChecks,
  ...workspaceMessageChecks,
  ...detailsMessageChecks,
};

/**
 * What the host accepts from a webview: a known message whose every field has the
 * right type. Anything else yields the reason it was rejected.
 */
export function parseWebviewMessage(raw: unknown): { message: WebviewMessage } | { problem: string } {
  const type = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'type') ? (raw as { type?: unknown }).type : undefined;
  // An own property: "toString" or "__proto__" name no message, whatever Object.prototype holds.
  if (typeof type !== 'string' || !Object.hasOwn(webviewMessageChecks, type)) {
    return { problem: `unknown message type ${JSON.stringify(type)}` };
  }
  const problem = webviewMessageChecks[type as WebviewMessage['type']](raw);
  return problem === undefined ? { message: raw as WebviewMessage } : { problem: `${type}: ${problem}` };
}
