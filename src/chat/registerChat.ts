import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import type { ModelArtsTool } from './modelArtsTool';
import { createParticipantHandler } from './participant';
import { type DeclaredTool, registerTools } from './registerTools';
import type { ScopeInput } from './toolScope';

/** The chat side of the extension, for tests: the tools by name and the participant. */
export interface ChatApi {
  readonly tools: ReadonlyMap<string, ModelArtsTool<ScopeInput>>;
  readonly participant: vscode.ChatParticipant;
}

/** Registers the language-model tools package.json declares and the @modelarts participant. */
export function registerChat(context: CommandContext, packageJson: { readonly contributes?: { readonly languageModelTools?: readonly DeclaredTool[] } }): { api: ChatApi; disposables: vscode.Disposable[] } {
  const { tools, disposables } = registerTools(context, packageJson.contributes?.languageModelTools ?? []);
  const participant = vscode.chat.createChatParticipant('modelarts.chat', createParticipantHandler(context));
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'modelarts.svg');
  return { api: { tools, participant }, disposables: [...disposables, participant] };
}
