import * as vscode from 'vscode';
import { refusalWithCurrentState, type ResourceAction, showActionResult } from '../commands/resourceCommands';
import { findLoadedGroup, findLoadedNode, requireServices } from '../commands/resourceTarget';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { readableStatus } from '../views/format';
import type { CreateForm } from '../webviews/createResourcePanel';
import type { FieldErrors } from '../webviews/formRules';
import type { ResourceKind } from '../views/resourceKind';
import { codeBlock, inlineCode, valueText } from './confirmationText';
import { ConfirmedTool, scopeMarkdown, type ToolTarget } from './confirmedTool';
import { allowedActions, type GetInput } from './resourceTools';
import { resourceResult } from './toolResult';
import { describeScope, findResource, resolveToolScope, type ScopeInput, type ToolScope } from './toolScope';

/** The confirmation VS Code shows before a mutating tool runs: the command's question, what follows, and where. */
function confirmation(question: string, parts: readonly (string | undefined)[]): vscode.PreparedToolInvocation['confirmationMessages'] {
  return { title: question, message: new vscode.MarkdownString(parts.filter(Boolean).join('\n\n')) };
}

/** An action's target as its confirmation was prepared: the resource as read then. */
interface BoundResource<T> {
  readonly target: ToolTarget;
  readonly item: T;
}

/**
 * Start, stop, delete… of one resource, through the same action as the tree's command: the same
 * capability gate (a stopped notebook is not stopped again), question, request and tree update.
 */
export abstract class ResourceActionTool<T> extends ConfirmedTool<GetInput, BoundResource<T>> {
  protected abstract readonly kind: ResourceKind<T>;
  protected abstract readonly action: ResourceAction<T>;

  /** Names the exact resource: it is read (which changes nothing) to tell its name, id and status. */
  protected async bind(input: GetInput, signal: AbortSignal): Promise<BoundResource<T>> {
    const services = requireServices(this.context);
    const scope = await resolveToolScope(this.context, services, input, this.perRegion, signal);
    const item = await findResource(services, this.kind, scope, input, signal);
    return { target: { scope, id: this.kind.id(item) }, item };
  }

  protected confirmation(input: GetInput, bound: BoundResource<T> | ModelArtsError): vscode.PreparedToolInvocation {
    const { kind, action } = this;
    if (bound instanceof ModelArtsError) {
      const name = input.name ?? input.id ?? '';
      const failed = vscode.l10n.t('It could not be read first, so it will not be changed: {0}', inlineCode(bound.toDisplayString()));
      return { invocationMessage: action.progress(name), confirmationMessages: confirmation(action.question(name), [action.detail, failed]) };
    }
    const { target, item } = bound;
    const name = kind.name(item);
    const where = vscode.l10n.t('In {0}; id {1}; status now {2}.', scopeMarkdown(target.scope, this.perRegion), inlineCode(kind.id(item)), inlineCode(readableStatus(kind.status(item))));
    return { invocationMessage: action.progress(name), confirmationMessages: confirmation(action.question(name), [action.detail, where]) };
  }

  protected async run(input: GetInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const { kind, action } = this;
    const item = await findResource(services, kind, scope, input, signal);
    this.context.states.report(kind, scope.region, item);
    const name = kind.name(item);
    if (!kind.capabilities(item).includes(action.capability)) {
      const can = allowedActions(kind, item);
      return `Nothing was done: ${kind.label} "${name}" is ${readableStatus(kind.status(item))}, which does not allow that now; it can: ${can || 'nothing now'}.`;
    }
    const target = { kind, scope, item, node: findLoadedNode(this.context, kind, scope.region, kind.id(item)) };
    let updated: T | undefined;
    try {
      updated = await action.perform(services, target, signal);
    } catch (error) {
      // As the tree's commands do: the state moved on since the read above, so the row is read again and the answer names the state now.
      throw await refusalWithCurrentState(this.context, target, action, error);
    }
    await showActionResult(this.context, target, action, updated);
    if (action.removes) {
      return `${action.progress(name)} Done: it is gone.`;
    }
    const latest = updated ?? (await kind.fetch(services, scope, kind.id(item), signal).catch(() => undefined));
    if (latest && !updated) {
      this.context.states.report(kind, scope.region, latest);
    }
    const status = latest ? readableStatus(kind.status(latest)) : 'gone';
    return `${action.progress(name)} Status now: ${status}. The explorer follows it until it settles.`;
  }
}

/** What the model may give for a form: the form's fields (but its workspace), with the scope inputs. */
export type CreateInput<Values> = ScopeInput & Partial<Omit<Values, 'workspaceId'>> & { readonly name: string };

/**
 * Creates a resource through the same form definition as the Create panel: the form's defaults for
 * what the model leaves out, its rules (field by field, before any request), its cloud checks and
 * its request.
 */
export abstract class CreateResourceTool<Values extends { readonly workspaceId: string; readonly name: string }, T> extends ConfirmedTool<CreateInput<Values>, { readonly target: ToolTarget }> {
  protected abstract readonly form: CreateForm<Values, T>;
  protected abstract emptyValues(workspaceId: string): Values;
  protected override readonly multiLineFields: ReadonlySet<string> = new Set(['description']);

  /** Where it goes: the region and workspace given, or the explorer's now. */
  protected async bind(input: CreateInput<Values>, signal: AbortSignal): Promise<{ readonly target: ToolTarget }> {
    return { target: { scope: await resolveToolScope(this.context, requireServices(this.context), input, this.perRegion, signal) } };
  }

  /** Names the resource, every value given (as code; a multi-line one whole, in a block), and where it goes. */
  protected confirmation(input: CreateInput<Values>, bound: { readonly target: ToolTarget } | ModelArtsError): vscode.PreparedToolInvocation {
    const label = this.form.kind.label;
    const fields = Object.entries(formFields(input));
    const oneLine = fields.filter(([key]) => !this.multiLineFields.has(key)).map(([key, value]) => `- ${key}: ${inlineCode(valueText(value))}`);
    const blocks = fields.filter(([key]) => this.multiLineFields.has(key)).map(([key, value]) => `${key}:\n\n${codeBlock(valueText(value))}`);
    const where =
      bound instanceof ModelArtsError
        ? vscode.l10n.t('Where it would go could not be worked out, so it will not be created: {0}', inlineCode(bound.toDisplayString()))
        : vscode.l10n.t('In {0}.', scopeMarkdown(bound.target.scope, this.perRegion));
    return {
      invocationMessage: vscode.l10n.t('Creating {0} "{1}"…', label, input.name),
      confirmationMessages: confirmation(vscode.l10n.t('Create {0} "{1}"?', label, input.name), [oneLine.join('\n'), ...blocks, where]),
    };
  }

  protected async run(input: CreateInput<Values>, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const values: Values = { ...this.emptyValues(scope.workspaceId), ...formFields(input) };
    refuseFieldErrors(this.form.kind.label, this.form.validate(values));
    this.context.log.redactor.addPassword(...(this.form.secrets?.(values) ?? []));
    refuseFieldErrors(this.form.kind.label, (await this.form.check?.(services, scope.region, values, signal)) ?? {});
    const created = await this.form.create(services, scope, values, signal);
    this.context.states.created(this.form.kind, scope, created);
    const shown = this.form.revealed?.(created)?.kind ?? this.form.kind;
    const group = findLoadedGroup(this.context, shown, scope);
    if (group) {
      await this.context.explorer.refresh(group);
    }
    const { kind } = this.form;
    return resourceResult(`Created ${kind.label} "${kind.name(created)}" (id ${kind.id(created)}) in ${describeScope(scope, this.perRegion)}: status ${readableStatus(kind.status(created))}.`, created, this.redact);
  }
}

/** The form's own messages, one per field, as the model's input names them; nothing was sent. */
function refuseFieldErrors(label: string, errors: FieldErrors): void {
  const problems = Object.entries(errors).map(([field, problem]) => `${field}: ${problem}`);
  if (problems.length > 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, `the ${label} was not created, nothing was sent. ${problems.join(' ')}`, 'config');
  }
}

/** The input without its scope: the form's fields. */
function formFields<Values>(input: CreateInput<Values>): Partial<Omit<Values, 'workspaceId'>> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'region' && key !== 'workspace')) as Partial<Omit<Values, 'workspaceId'>>;
}
