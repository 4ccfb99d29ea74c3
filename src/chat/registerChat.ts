import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import type { ModelArtsTool } from './modelArtsTool';
import type { DeclaredTool } from './chatTools';
import type { ScopeInput } from './toolScope';

/** A tool as registered with VS Code: it hands each call to the tool's implementation. */
export type ChatTool = Pick<ModelArtsTool<ScopeInput>, 'prepareInvocation' | 'invoke'>;

/** The chat side of the extension, for tests: the tools by name and the participant. */
export interface ChatApi {
  /** The tools registered with VS Code, by the names package.json declares. */
  readonly tools: ReadonlyMap<string, ChatTool>;
  /** The tools' implementations by their own names, loaded if no tool was called yet. */
  implementations(): Promise<ReadonlyMap<string, ModelArtsTool<ScopeInput>>>;
  readonly participant: vscode.ChatParticipant;
}

/**
 * Registers the language-model tools package.json declares and the @modelarts participant. VS Code needs them
 * registered at activation, but most sessions never call them: their code loads at the first call of any.
 */
export function registerChat(context: CommandContext, packageJson: { readonly contributes?: { readonly languageModelTools?: readonly DeclaredTool[] } }): { api: ChatApi; disposables: vscode.Disposable[] } {
  const declared = packageJson.contributes?.languageModelTools ?? [];
  let loading: Promise<ReadonlyMap<string, ModelArtsTool<ScopeInput>>> | undefined;
  const implementations = () => (loading ??= import('./chatTools').then(({ createTools }) => createTools(context, declared)));
  const implementation = async (name: string): Promise<ModelArtsTool<ScopeInput>> => {
    // Like a command, a call waits until the profiles were first read (activation does not wait for them).
    await context.accounts.loaded;
    const tool = (await implementations()).get(name);
    if (!tool) {
      throw new Error(`${name} is declared in package.json but not implemented`);
    }
    return tool;
  };
  const tools = new Map<string, ChatTool>(
    declared.map(({ name }) => [
      name,
      {
        prepareInvocation: async (options, token) => (await implementation(name)).prepareInvocation(options, token),
        invoke: async (options, token) => (await implementation(name)).invoke(options, token),
      },
    ]),
  );
  let handler: Promise<vscode.ChatRequestHandler> | undefined;
  const participant = vscode.chat.createChatParticipant('modelarts.chat', async (...request) => {
    await context.accounts.loaded;
    handler ??= import('./participant').then(({ createParticipantHandler }) => createParticipantHandler(context));
    return (await handler)(...request);
  });
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'modelarts.svg');
  const registrations = [...tools].map(([name, tool]) => vscode.lm.registerTool(name, tool));
  return { api: { tools, implementations, participant }, disposables: [...registrations, participant] };
}
