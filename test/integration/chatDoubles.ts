// Test doubles of VS Code's chat, built from its own types: the request, response stream and language
// model VS Code hands a participant. No language model is available in the test host.
import * as vscode from 'vscode';

/** A response stream that keeps every part pushed to it, as VS Code's part classes. */
export class RecordingStream implements vscode.ChatResponseStream {
  readonly parts: vscode.ChatResponsePart[] = [];

  markdown(value: string | vscode.MarkdownString): void {
    this.push(new vscode.ChatResponseMarkdownPart(value));
  }

  anchor(value: vscode.Uri | vscode.Location, title?: string): void {
    this.push(new vscode.ChatResponseAnchorPart(value, title));
  }

  button(command: vscode.Command): void {
    this.push(new vscode.ChatResponseCommandButtonPart(command));
  }

  filetree(value: vscode.ChatResponseFileTree[], baseUri: vscode.Uri): void {
    this.push(new vscode.ChatResponseFileTreePart(value, baseUri));
  }

  progress(value: string): void {
    this.push(new vscode.ChatResponseProgressPart(value));
  }

  reference(value: vscode.Uri | vscode.Location): void {
    this.push(new vscode.ChatResponseReferencePart(value));
  }

  push(part: vscode.ChatResponsePart): void {
    this.parts.push(part);
  }

  get markdownText(): string {
    return this.parts
      .filter((part): part is vscode.ChatResponseMarkdownPart => part instanceof vscode.ChatResponseMarkdownPart)
      .map((part) => part.value.value)
      .join('');
  }

  get progressTexts(): string[] {
    return this.parts.filter((part): part is vscode.ChatResponseProgressPart => part instanceof vscode.ChatResponseProgressPart).map((part) => part.value);
  }

  get buttons(): vscode.Command[] {
    return this.parts.filter((part): part is vscode.ChatResponseCommandButtonPart => part instanceof vscode.ChatResponseCommandButtonPart).map((part) => part.value);
  }

  /** Every text the user would see, for scanning. */
  get allText(): string {
    return this.parts.map(textOf).join('\n');
  }
}

/** A value as JSON with its markdown strings' text, which JSON.stringify alone leaves out. */
export function textOf(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof vscode.MarkdownString ? item.value : item)) ?? '';
}

/** What the model double answers in one round: text and tool calls. */
export type ModelTurn = readonly (vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart)[];

/** A language model that answers scripted turns, one per request, and keeps the messages it was sent. */
export class ScriptedModel implements vscode.LanguageModelChat {
  readonly name = 'scripted';
  readonly id = 'test-scripted';
  readonly vendor = 'test';
  readonly family = 'scripted';
  readonly version = '1';
  readonly maxInputTokens = 100_000;
  readonly requests: { readonly messages: readonly vscode.LanguageModelChatMessage[]; readonly options?: vscode.LanguageModelChatRequestOptions }[] = [];

  constructor(private readonly turns: readonly (ModelTurn | Error)[]) {}

  async sendRequest(messages: vscode.LanguageModelChatMessage[], options?: vscode.LanguageModelChatRequestOptions): Promise<vscode.LanguageModelChatResponse> {
    this.requests.push({ messages: [...messages], options });
    const turn = this.turns[this.requests.length - 1] ?? [new vscode.LanguageModelTextPart('(no more turns)')];
    if (turn instanceof Error) {
      throw turn;
    }
    return {
      stream: (async function* () {
        yield* turn;
      })(),
      text: (async function* () {
        for (const part of turn) {
          if (part instanceof vscode.LanguageModelTextPart) {
            yield part.value;
          }
        }
      })(),
    };
  }

  countTokens(text: string | vscode.LanguageModelChatMessage): Promise<number> {
    return Promise.resolve(typeof text === 'string' ? text.length : 1);
  }
}

/** A chat request as VS Code passes it to a participant. */
export function chatRequest(command: string | undefined, prompt: string, model: vscode.LanguageModelChat = new ScriptedModel([])): vscode.ChatRequest {
  return {
    prompt,
    command,
    references: [],
    toolReferences: [],
    // Only VS Code's chat can issue a token; outside a chat session tools take none.
    toolInvocationToken: undefined as never,
    model,
  };
}

/** Runs the participant's handler as VS Code would, answering what it streamed. */
export async function askParticipant(participant: vscode.ChatParticipant, request: vscode.ChatRequest): Promise<{ stream: RecordingStream; result: vscode.ChatResult | void }> {
  const stream = new RecordingStream();
  const result = await participant.requestHandler(request, { history: [] }, stream, new vscode.CancellationTokenSource().token);
  return { stream, result: result ?? undefined };
}
