import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { markdownText } from '../views/markdownTable';

/** What a list command shows: the tools that list, one table each, and the explorer's commands offered under them. */
interface ListCommand {
  readonly tools: readonly string[];
  progress(): string;
  buttons(): vscode.Command[];
}

const LIST_COMMANDS: Readonly<Record<string, ListCommand>> = {
  jobs: {
    tools: ['modelarts_list_training_jobs'],
    progress: () => vscode.l10n.t('Listing training jobs…'),
    buttons: () => [{ command: 'modelarts.trainingJob.create', title: vscode.l10n.t('Create Training Job…') }],
  },
  notebooks: {
    tools: ['modelarts_list_notebooks'],
    progress: () => vscode.l10n.t('Listing notebooks…'),
    buttons: () => [{ command: 'modelarts.notebook.create', title: vscode.l10n.t('Create Notebook…') }],
  },
  services: {
    tools: ['modelarts_list_realtime_services', 'modelarts_list_realtime_services_v2'],
    progress: () => vscode.l10n.t('Listing real-time services…'),
    buttons: () => [
      { command: 'modelarts.serviceV1.create', title: vscode.l10n.t('Deploy Real-Time Service…') },
      { command: 'modelarts.serviceV2.create', title: vscode.l10n.t('Create Real-Time Service (v2)…') },
    ],
  },
};

/** Rounds of tool calls one free-form question may take before the answer must come. */
const MAX_TOOL_ROUNDS = 6;

const INSTRUCTIONS = [
  'You answer questions about the user\'s Huawei Cloud ModelArts resources inside VS Code.',
  'Use the modelarts_* tools to read notebooks, training jobs, services, pools, Lite Servers and the rest; never guess ids, statuses or names.',
  'Region and workspace default to those selected in the ModelArts explorer; pass them only when the user names others.',
  'Tools that start, stop, delete or create ask the user to confirm; call them only when the user asked for that change.',
  'Never ask for, repeat or reveal access keys, secret keys or tokens.',
  'Answer briefly, with tables for lists.',
].join(' ');

/**
 * The @modelarts chat participant. /jobs, /notebooks and /services list through the tools (a one-word
 * prompt narrows them by status), /status shows the account and workspaces; anything else goes to the
 * chat's language model with the tools. Everything streamed passes the log's redactor.
 */
export function createParticipantHandler(context: CommandContext): vscode.ChatRequestHandler {
  return async (request, chatContext, stream, token) => {
    const safeStream = redactingStream(context, stream);
    if (!context.session.services) {
      safeStream.markdown(vscode.l10n.t('You are not signed in to ModelArts.'));
      safeStream.button({ command: 'modelarts.signIn', title: vscode.l10n.t('Sign In') });
      return { metadata: { command: request.command } };
    }
    context.walkthrough.reach('chatAnswered');
    const prompt = request.prompt.trim();
    const list = request.command ? LIST_COMMANDS[request.command] : undefined;
    if (list && /^\S*$/.test(prompt)) {
      safeStream.progress(list.progress());
      for (const [index, tool] of list.tools.entries()) {
        safeStream.answer(`${index > 0 ? '\n\n' : ''}${await toolText(tool, prompt ? { status: prompt } : {}, request.toolInvocationToken, token)}`);
      }
      [...list.buttons(), { command: 'modelarts.explorer.focus', title: vscode.l10n.t('Show Explorer') }].forEach((button) => safeStream.button(button));
    } else if (request.command === 'status') {
      safeStream.progress(vscode.l10n.t('Reading the account…'));
      safeStream.answer(await toolText('modelarts_get_account_status', {}, request.toolInvocationToken, token));
      safeStream.markdown('\n\n');
      safeStream.answer(await toolText('modelarts_list_workspaces', {}, request.toolInvocationToken, token));
      safeStream.button({ command: 'modelarts.showAccount', title: vscode.l10n.t('Show Account') });
      safeStream.button({ command: 'modelarts.showLog', title: vscode.l10n.t('Show Log') });
    } else {
      await converse(request, chatContext, safeStream, token);
    }
    return { metadata: { command: request.command } };
  };
}

/**
 * A stream whose text parts pass the log's redactor first: a key pasted into the prompt is not echoed. A tool's
 * answer is then shown as shownAnswer (after the redactor, which must see a secret unescaped).
 */
function redactingStream(
  context: CommandContext,
  stream: vscode.ChatResponseStream,
): Pick<vscode.ChatResponseStream, 'markdown' | 'progress' | 'button'> & { answer(text: string): void } {
  const redact = (text: string) => context.log.redactor.redact(text);
  return {
    markdown: (value) => stream.markdown(redact(typeof value === 'string' ? value : value.value)),
    answer: (text) => stream.markdown(shownAnswer(redact(text))),
    progress: (value) => stream.progress(redact(value)),
    button: (command) => stream.button(command),
  };
}

/** A free-form question: the chat's model answers, calling the tools (through the chat, so it confirms) as it needs. */
async function converse(
  request: vscode.ChatRequest,
  chatContext: vscode.ChatContext,
  stream: Pick<vscode.ChatResponseStream, 'markdown' | 'progress'>,
  token: vscode.CancellationToken,
): Promise<void> {
  const tools = vscode.lm.tools
    .filter((tool) => tool.name.startsWith('modelarts_'))
    .map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema }));
  const messages = [vscode.LanguageModelChatMessage.User(INSTRUCTIONS), ...earlierTurns(chatContext), vscode.LanguageModelChatMessage.User(request.prompt)];
  try {
    for (let round = 0; round < MAX_TOOL_ROUNDS; round++) {
      const response = await request.model.sendRequest(messages, { tools }, token);
      const calls: vscode.LanguageModelToolCallPart[] = [];
      let text = '';
      for await (const part of response.stream) {
        if (part instanceof vscode.LanguageModelTextPart) {
          text += part.value;
          stream.markdown(part.value);
        } else if (part instanceof vscode.LanguageModelToolCallPart) {
          calls.push(part);
        }
      }
      if (calls.length === 0) {
        return;
      }
      messages.push(vscode.LanguageModelChatMessage.Assistant([...(text ? [new vscode.LanguageModelTextPart(text)] : []), ...calls]));
      for (const call of calls) {
        stream.progress(vscode.l10n.t('Running {0}…', call.name));
        const answer = await toolText(call.name, call.input, request.toolInvocationToken, token);
        messages.push(vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart(answer)])]));
      }
    }
    stream.markdown('\n\n');
    stream.markdown(vscode.l10n.t('Stopped after {0} rounds of tool calls; ask a narrower question.', MAX_TOOL_ROUNDS));
  } catch (error) {
    if (error instanceof vscode.LanguageModelError) {
      stream.markdown(vscode.l10n.t('No language model answered ({0}). /jobs, /notebooks, /services and /status work without one.', markdownText(error.message)));
      return;
    }
    throw error;
  }
}

/**
 * A tool's answer as the chat shows it: its table rows as they are (markdownTable made their cells text), every
 * other line, which may quote a workspace name or an error from the cloud, as markdownText.
 */
function shownAnswer(answer: string): string {
  return answer
    .split('\n')
    .map((line) => (line.startsWith('|') ? line : markdownText(line)))
    .join('\n');
}

/** This participant's earlier prompts and answers, as text, so a follow-up question has its context. */
function earlierTurns(chatContext: vscode.ChatContext): vscode.LanguageModelChatMessage[] {
  return chatContext.history.flatMap((turn) => {
    if (turn instanceof vscode.ChatRequestTurn) {
      return [vscode.LanguageModelChatMessage.User(turn.prompt)];
    }
    const text = turn.response
      .filter((part): part is vscode.ChatResponseMarkdownPart => part instanceof vscode.ChatResponseMarkdownPart)
      .map((part) => part.value.value)
      .join('');
    return text ? [vscode.LanguageModelChatMessage.Assistant(text)] : [];
  });
}

/** A tool's text answer, run through VS Code (which confirms mutating tools in the chat); a declined or failed run says so. */
async function toolText(name: string, input: object, toolInvocationToken: vscode.ChatParticipantToolToken | undefined, token: vscode.CancellationToken): Promise<string> {
  try {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken }, token);
    return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
  } catch (error) {
    if (token.isCancellationRequested) {
      throw error;
    }
    return `${name} did not run: ${error instanceof Error ? error.message : String(error)}`;
  }
}
