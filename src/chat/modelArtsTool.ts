import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { requireServices } from '../commands/resourceTarget';
import type { ModelArtsServices } from '../services';
import { asModelArtsError, isCancellation } from '../services/errors';
import { inputProblems, type JsonSchema } from './toolInput';
import { limitText, type Redact } from './toolResult';
import { resolveToolScope, type ScopeInput, type ToolScope } from './toolScope';

/** What every tool works with: the commands' context, and the input schemas package.json declares. */
export interface ToolEnvironment {
  readonly context: CommandContext;
  schema(toolName: string): JsonSchema;
}

/**
 * A language-model tool of the extension. The input is checked against the tool's declared schema
 * before anything is requested; failures and bad input become a result the model can act on, and
 * every result passes the log's redactor before it is cut to size, so no credential (nor a part of
 * one) reaches the model even inside a resource's own fields.
 */
export abstract class ModelArtsTool<Input extends ScopeInput> implements vscode.LanguageModelTool<Input> {
  /** `modelarts_<verb>_<noun>`, as declared in package.json's languageModelTools. */
  abstract readonly name: string;
  /** Listed per region, not per workspace: the tool takes no workspace. */
  protected readonly perRegion: boolean = false;
  /** Inputs that may hold several lines (a training job's command); every other string must hold one. */
  protected readonly multiLineFields: ReadonlySet<string> = new Set();

  constructor(protected readonly environment: ToolEnvironment) {}

  protected get context(): CommandContext {
    return this.environment.context;
  }

  /** The log's redactor: every known credential masked. */
  protected readonly redact: Redact = (text) => this.context.log.redactor.redact(text);

  /** The confirmation and progress texts, redacted too: they repeat the input, which may hold anything. */
  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<Input>, token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation | undefined> {
    const prepared = this.problems(options.input).length > 0 ? undefined : await this.prepare(options.input, token);
    const { redact } = this;
    const confirmation = prepared?.confirmationMessages;
    return (
      prepared && {
        invocationMessage: prepared.invocationMessage === undefined ? undefined : redact(prepared.invocationMessage),
        confirmationMessages: confirmation && {
          title: redact(confirmation.title),
          message: typeof confirmation.message === 'string' ? redact(confirmation.message) : new vscode.MarkdownString(redact(confirmation.message.value)),
        },
      }
    );
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<Input>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const problems = this.problems(options.input);
    if (problems.length > 0) {
      this.context.log.warn(`chat tool ${this.name}: input refused: ${problems.join(' ')}`);
      return this.result(`Nothing was done: ${problems.join(' ')} Correct the input and call ${this.name} again.`);
    }
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    this.context.log.info(`chat tool ${this.name}`);
    try {
      return this.result(await this.answer(options.input, requireServices(this.context), controller.signal));
    } catch (error) {
      if (isCancellation(error) || token.isCancellationRequested) {
        throw new vscode.CancellationError();
      }
      const failure = asModelArtsError(error);
      this.context.log.warn(`chat tool ${this.name}: ${failure.toDisplayString()}`);
      return this.result(`Failed: ${failure.toDisplayString()}`);
    } finally {
      subscription.dispose();
    }
  }

  /** What the chat shows while the tool runs; mutating tools add their confirmation. */
  protected prepare(_input: Input, _token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation | undefined> {
    return Promise.resolve(undefined);
  }

  /** The answer for valid input, in the region and workspace given or the explorer's; changing tools act on what their confirmation named. */
  protected async answer(input: Input, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    return this.run(input, await resolveToolScope(this.context, services, input, this.perRegion, signal), services, signal);
  }

  /** The tool's answer for valid input, in `scope`: the region and workspace given, or the explorer's. */
  protected abstract run(input: Input, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string>;

  private problems(input: unknown): string[] {
    return inputProblems(this.environment.schema(this.name), input, this.multiLineFields);
  }

  private result(text: string): vscode.LanguageModelToolResult {
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(limitText(this.redact(text)))]);
  }
}
